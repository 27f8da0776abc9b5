using IntegrationHub.Auditing;

namespace IntegrationHub.Idempotency;

/// <summary>
/// An idempotency key that was used: the request it was used for, and the response to give a repeat of it. It is written in the same
/// transaction as what the request changed, so a key exists if and only if its request's effect was committed. Keys are
/// the caller's own: the same key from another caller, or to another endpoint, is another request.
/// </summary>
public sealed class IdempotencyKey
{
    public required string TenantId { get; init; }

    /// <summary>Who made it: a user (<c>user:{id}</c>), or for an agency caller its organisation (<c>organisation:{agency}/{code}</c>).</summary>
    public required string Caller { get; init; }

    public required string Method { get; init; }

    /// <summary>The endpoint's route pattern, e.g. <c>/api/young-people/{youngPersonId:guid}/pathway-plan/versions</c>.</summary>
    public required string Route { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the route values, the query and the raw body: a repeat with another hash is another request under a used key.</summary>
    public required string RequestHash { get; init; }

    public DateTimeOffset At { get; init; }

    public int StatusCode { get; set; }

    /// <summary>The response's headers that a repeat gets too (<see cref="IdempotencyStore.ReplayedHeaders"/>).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    public byte[] Body { get; set; } = [];

    /// <summary>The records the response shows (those the first request's audit entries name): a repeat reads them again, and is audited so.</summary>
    public List<Audited> Disclosed { get; set; } = [];
}
