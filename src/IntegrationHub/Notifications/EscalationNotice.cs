using System.Globalization;
using System.Text;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Escalations.Triggers;
using IntegrationHub.Security;

namespace IntegrationHub.Notifications;

/// <summary>
/// One step of an escalation that people are told of: raised, moved up a level, or resolved.
/// <see cref="Kind"/> names the step, so each step is told once however often its event arrives.
/// </summary>
public sealed record EscalationNotice(Guid EscalationId, string TenantId, string Kind, int Level, int? FromLevel, string Owner, DateTimeOffset? DueBy)
{
    public static EscalationNotice For(EscalationRaised e) => new(e.EscalationId, e.TenantId, "raised", e.Level, null, e.Owner, e.DueBy);

    public static EscalationNotice For(EscalationLevelChanged e) => new(e.EscalationId, e.TenantId, $"level-{e.ToLevel}", e.ToLevel, e.FromLevel, e.Owner, e.DueBy);

    public static EscalationNotice For(EscalationResolved e) => new(e.EscalationId, e.TenantId, "resolved", e.Level, null, "", null);

    public bool IsResolution => Kind == "resolved";

    /// <summary>Who owns the escalation at this step: a resolution is told to whoever owned it then.</summary>
    public string OwnerOf(Escalation escalation) => IsResolution ? escalation.Owner : Owner;
}

/// <summary>
/// What a notification about an escalation says: case references, agency, level, reason and due
/// date, and nothing about the young person. The reason is the hub's own wording for the reason
/// code (its trigger's), never the escalation's free text, which may name the young person or give their dates.
/// </summary>
public sealed class EscalationWording(EscalationTriggers triggers)
{
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The role told of an escalation with this owner (<c>team-manager</c>, <c>head-of-service</c>, <c>board-champion:{theme}</c>).</summary>
    public static string RoleFor(string owner) => owner switch
    {
        "team-manager" => HubRoles.TeamManager,
        "head-of-service" => HubRoles.HeadOfService,
        _ when owner.StartsWith("board-champion:", StringComparison.Ordinal) => HubRoles.BoardMember,
        _ => throw new ArgumentException($"No role is known for the escalation owner '{owner}'.", nameof(owner)),
    };

    public static string DescribeOwner(string owner) => owner switch
    {
        "team-manager" => "team manager",
        "head-of-service" => "head of service",
        _ when owner.StartsWith("board-champion:", StringComparison.Ordinal) => $"Corporate Parenting Board champion for {owner["board-champion:".Length..]}",
        _ => owner,
    };

    /// <param name="legReasonCode">The coded reason recorded on the escalation's leg, if any (e.g. a decline's).</param>
    public string ReasonFor(Escalation escalation, string? legReasonCode) =>
        escalation.ReasonCode == EscalationReasons.RaisedByManager ? "Raised by a manager; the reason is recorded in the hub."
        : triggers.For(escalation.ReasonCode)?.Notice(escalation, legReasonCode) ?? "The reason is recorded in the hub.";

    /// <param name="legReasonCode">The coded reason recorded on the escalation's leg, if any (e.g. a decline's).</param>
    public (string Subject, string Body) Describe(EscalationNotice notice, Escalation escalation, string? legReasonCode)
    {
        var owner = notice.OwnerOf(escalation);
        var reference = escalation.ReferralId is { } referralId ? $"referral {referralId}" : $"escalation {escalation.Id}";
        var (subject, opening) = notice switch
        {
            { IsResolution: true } => (
                $"Escalation resolved: {escalation.Agency}, {reference}",
                $"The escalation was resolved at level {notice.Level}. The outcome is recorded in the hub."),
            { FromLevel: { } from } => (
                $"Escalation moved to level {notice.Level} ({DescribeOwner(owner)}): {escalation.Agency}, {reference}",
                $"Still unresolved when it was due: the escalation moved from level {from} to level {notice.Level}."),
            _ => (
                $"Escalation at level {notice.Level} ({DescribeOwner(owner)}): {escalation.Agency}, {reference}",
                $"An escalation was raised at level {notice.Level}."),
        };

        var body = new StringBuilder()
            .AppendLine(opening)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Referral: {(escalation.ReferralId?.ToString() ?? "none")}")
            .AppendLine(CultureInfo.InvariantCulture, $"Escalation: {escalation.Id}")
            .AppendLine(CultureInfo.InvariantCulture, $"Agency: {escalation.Agency}")
            .AppendLine(CultureInfo.InvariantCulture, $"Level: {notice.Level} ({DescribeOwner(owner)})")
            .AppendLine(CultureInfo.InvariantCulture, $"Reason: {ReasonFor(escalation, legReasonCode)}");
        if (notice.DueBy is { } due)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"Due by: {TimeZoneInfo.ConvertTime(due, UkTime).ToString("d MMMM yyyy", English)}");
        }

        return (subject, body.ToString().TrimEnd());
    }
}
