namespace IntegrationHub.Contracts.V1;

/// <summary>A cross-agency block was escalated: to a team manager (1), a head of service (2) or the Corporate Parenting Board (3).</summary>
public sealed record EscalationRaised(
    Guid EscalationId,
    string TenantId,
    Guid? ReferralId,
    Guid? LegId,
    string Agency,
    string Theme,
    int Level,
    string ReasonCode,
    string Reason,
    string Owner,
    DateTimeOffset RaisedAt,
    DateTimeOffset DueBy);
