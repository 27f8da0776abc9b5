namespace IntegrationHub.Idempotency;

/// <summary>
/// Marks an endpoint (with <see cref="IdempotencyExtensions.Idempotent"/>) or a page whose POST makes something, so that a
/// repeat of one request makes it once: the caller names the request with a key in <see cref="Header"/> (a page's form, which
/// cannot send a header, in a field of that name), and the same key again gets the first response back
/// (<see cref="IdempotencyMiddleware"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IdempotentAttribute : Attribute
{
    /// <summary>The header of the IETF's Idempotency-Key draft, which the hub's creating endpoints honour.</summary>
    public const string KeyHeader = "Idempotency-Key";

    /// <summary>On a replayed response: it is the first response to the same key, and this request changed nothing.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 100;

    /// <summary>The header (or form field) that carries the key.</summary>
    public string Header { get; set; } = KeyHeader;

    /// <summary>Whether a request without a key is refused; otherwise it is simply not idempotent.</summary>
    public bool Required { get; set; }

    /// <summary>
    /// Statuses kept besides a success (2xx, or a page's redirect after its POST): those an endpoint answers after it has
    /// changed something, e.g. an agency answer that was recorded as refused. Any other failure changed nothing and may be
    /// retried with the same key.
    /// </summary>
    public int[] AlsoKept { get; set; } = [];

    public bool Keeps(int status) => status is >= 200 and < 400 || AlsoKept.Contains(status);
}
