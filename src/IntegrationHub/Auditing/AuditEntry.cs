namespace IntegrationHub.Auditing;

/// <summary>Who saw which young person's data, when, and under which lawful basis or purpose.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorId { get; init; }
    public required string ActorRole { get; init; }
    public string? TenantId { get; init; }
    public string? Agency { get; init; }
    public required string Action { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public Guid? YoungPersonId { get; init; }
    public string? Basis { get; init; }
    public string? CorrelationId { get; init; }
}

public static class AuditBases
{
    /// <summary>The local authority's statutory leaving care duties: how its own staff may read a record.</summary>
    public const string PublicTask = "public-task";
}
