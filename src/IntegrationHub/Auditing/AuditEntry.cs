namespace IntegrationHub.Auditing;

/// <summary>
/// Who saw which young person's data, when, and under which lawful basis or purpose. Each local
/// authority's entries form a hash chain (<see cref="AuditChain"/>), so an entry edited or deleted
/// in the database afterwards is found by <see cref="AuditVerifier"/>.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorId { get; init; }
    public required string ActorRole { get; init; }
    public string? TenantId { get; init; }
    public string? Agency { get; init; }

    /// <summary>For an agency caller, the organisation it acted for (its code in the agency directory).</summary>
    public string? Organisation { get; init; }
    public required string Action { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public Guid? YoungPersonId { get; init; }
    public string? Basis { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>Its place in its local authority's chain, from 1; 0 for an entry written before the chain began.</summary>
    public long Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the entry before it in the chain (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 of the previous hash and every field of this entry.</summary>
    public string Hash { get; set; } = "";
}

public static class AuditBases
{
    /// <summary>The local authority's statutory leaving care duties: how its own staff may read a record.</summary>
    public const string PublicTask = "public-task";

    /// <summary>
    /// The local authority's duty as controller to answer a subject access request (UK GDPR Article 15):
    /// how its Data Protection Officer may read everything held about a young person.
    /// </summary>
    public const string LegalObligation = "legal-obligation";
}
