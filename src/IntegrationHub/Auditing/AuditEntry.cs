using IntegrationHub.Security;

namespace IntegrationHub.Auditing;

/// <summary>
/// Who saw or changed which young person's data (<see cref="Action"/>), when, and under which lawful basis or purpose. Each local
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

    /// <summary>The user action the entry belongs to: the request's <c>X-Correlation-Id</c>, offered by the caller or made by the hub.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>
    /// Its place in its local authority's chain, from 1; 0 for an entry written before the chain began; none while it waits to be
    /// linked, from its commit until <see cref="AuditChainLinker"/> links it (moments later).
    /// </summary>
    public long? Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the entry before it in the chain (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 of the previous hash and every field of this entry.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>What an entry records was done with the record.</summary>
public static class AuditActions
{
    public const string Read = "read";

    /// <summary>Made or changed: a young person registered, a plan version, a referral, a cancellation, an answer, an escalation.</summary>
    public const string Write = "write";
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

    /// <summary>A manager's purpose in reading or acting on an escalation: taking a cross-agency block up the ladder to its end.</summary>
    public const string EscalationOversight = "escalation-oversight";

    /// <summary>
    /// A board member's purpose in reading the dashboard's case references (open escalations, upcoming releases,
    /// transitions and 18th birthdays): the Corporate Parenting Board's oversight of its care leavers.
    /// </summary>
    public const string BoardOversight = "board-oversight";

    /// <summary>The young person reading their own record: it is theirs to see.</summary>
    public const string OwnRecord = "own-record";

    /// <summary>How the caller may read a young person's record: their own, or the local authority's staff's statutory duties.</summary>
    public static string Of(HubUser user) => user.Role == HubRoles.YoungPerson ? OwnRecord : PublicTask;
}
