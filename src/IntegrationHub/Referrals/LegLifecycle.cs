using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Referrals;

/// <summary>The enforced transition table of a leg, in FHIR Task.status codes.</summary>
public static class LegLifecycle
{
    static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Requested] = [Received, Cancelled, Failed],
        [Received] = [Accepted, Rejected, Cancelled],
        [Accepted] = [InProgress, Cancelled],
        [InProgress] = [OnHold, Completed, Cancelled],
        [OnHold] = [InProgress, Cancelled],
        [Rejected] = [],
        [Completed] = [],
        [Cancelled] = [],
        [Failed] = [],
    };

    public static IReadOnlyCollection<string> Statuses => Allowed.Keys;

    public static bool IsAllowed(string from, string to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>
    /// Whether an operator may send the leg again, back to <c>requested</c>: only a leg whose delivery failed (an outage
    /// that outlasted the retry budget, a channel since repaired). Not in the table above: no agency answer can take a
    /// leg there, and a failed leg stays an ended one for the referral's status until it is resent.
    /// </summary>
    public static bool CanResend(string from) => from == Failed;

    public static bool IsTerminal(string status) => Allowed.TryGetValue(status, out var targets) && targets.Length == 0;

    /// <summary>
    /// Whether a leg now at <paramref name="from"/> can come to <paramref name="to"/> only by steps still to come (started
    /// before it was accepted): an answer asking for it waits for them. Not for a status it holds already.
    /// </summary>
    public static bool IsLaterStep(string from, string to)
    {
        if (from == to || IsAllowed(from, to))
        {
            return false;
        }

        var reached = new HashSet<string> { from };
        var next = new Queue<string>([from]);
        while (next.TryDequeue(out var status))
        {
            foreach (var target in Allowed.GetValueOrDefault(status, []).Where(reached.Add))
            {
                if (target == to)
                {
                    return true;
                }

                next.Enqueue(target);
            }
        }

        return false;
    }

    /// <summary>Why a change cannot be applied, or null when it can.</summary>
    public static string? Refusal(string from, LegChange change)
    {
        if (!Allowed.ContainsKey(change.To))
        {
            return $"'{change.To}' is not a leg status.";
        }

        if (!IsAllowed(from, change.To))
        {
            return $"A leg cannot move from '{from}' to '{change.To}'.";
        }

        if (change.To is Rejected or Cancelled or OnHold or Failed && string.IsNullOrWhiteSpace(change.Reason))
        {
            return $"A reason is required to move a leg to '{change.To}'.";
        }

        if (change.To == Completed && string.IsNullOrWhiteSpace(change.Outcome))
        {
            return "An outcome is required to complete a leg.";
        }

        return null;
    }
}
