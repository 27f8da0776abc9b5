namespace IntegrationHub.Escalations;

/// <summary>An escalation as its managers see it, with its reason and outcome in words (which may name the young person).</summary>
public sealed record EscalationSummary(
    Guid Id, Guid? ReferralId, Guid? LegId, string Agency, string Theme, int Level, string ReasonCode, string Reason, string Owner,
    DateTimeOffset RaisedAt, DateTimeOffset DueBy, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Outcome)
{
    public static EscalationSummary From(Escalation e) => new(
        e.Id, e.ReferralId, e.LegId, e.Agency, e.Theme, e.Level, e.ReasonCode, e.Reason, e.Owner, e.RaisedAt, e.DueBy, e.ResolvedAt, e.ResolvedBy, e.Outcome);
}

/// <summary>Which escalations to list: open or resolved, at one level, of one theme or agency; each left out lists all.</summary>
public sealed record EscalationFilter(bool? Open, int? Level, string? Theme, string? Agency);

public sealed record RaiseEscalation(Guid? ReferralId, Guid? LegId, string? Reason, int? Level);

public sealed record ResolveEscalation(string? Outcome);
