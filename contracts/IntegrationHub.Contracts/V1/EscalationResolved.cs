namespace IntegrationHub.Contracts.V1;

/// <summary>An escalation was resolved, by a manager with an outcome note or because the agency answered.</summary>
public sealed record EscalationResolved(
    Guid EscalationId,
    string TenantId,
    int Level,
    string Outcome,
    string ResolvedBy,
    DateTimeOffset ResolvedAt);
