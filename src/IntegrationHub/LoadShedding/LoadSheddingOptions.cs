using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.LoadShedding;

/// <summary>How much API work one replica takes on at once before it turns requests away to be sent again.</summary>
public sealed class LoadSheddingOptions
{
    public const string Section = "LoadShedding";

    /// <summary>API requests handled at once; more than the database's connections would only queue for them.</summary>
    [Range(1, 10_000)]
    public int ConcurrentRequests { get; set; } = 64;

    /// <summary>API requests waiting, oldest first, for one of those places; one more is answered 503 with a Retry-After.</summary>
    [Range(0, 100_000)]
    public int QueuedRequests { get; set; } = 256;

    /// <summary>What a turned-away client is told to wait before it sends the request again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
