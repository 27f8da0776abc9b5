namespace IntegrationHub.Contracts.V1;

/// <summary>An escalation went up the ladder, still unresolved when it was due.</summary>
public sealed record EscalationLevelChanged(
    Guid EscalationId,
    string TenantId,
    int FromLevel,
    int ToLevel,
    string Reason,
    string Owner,
    DateTimeOffset ChangedAt,
    DateTimeOffset DueBy);
