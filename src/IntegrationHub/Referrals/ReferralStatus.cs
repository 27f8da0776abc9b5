using IntegrationHub.Contracts.V1;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Referrals;

/// <summary>A referral's status, rolled up from its legs: one agency declining cancels nothing else.</summary>
public static class ReferralStatus
{
    public const string Sent = "sent";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";

    public static string RollUp(IReadOnlyCollection<string> legStatuses)
    {
        if (legStatuses.All(s => s == Requested))
        {
            return Sent;
        }

        if (!legStatuses.All(LegLifecycle.IsTerminal))
        {
            return InProgress;
        }

        if (legStatuses.All(s => s == LegStatusCodes.Cancelled))
        {
            return Cancelled;
        }

        // Every leg has ended: completed if any agency completed its work, otherwise closed without help.
        return legStatuses.Any(s => s == LegStatusCodes.Completed) ? Completed : Closed;
    }
}
