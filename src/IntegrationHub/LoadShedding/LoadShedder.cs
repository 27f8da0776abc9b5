using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IntegrationHub.LoadShedding;

/// <summary>
/// The places for API work in this replica: a request holds one while it is handled, waits in a bounded queue for one,
/// or is turned away. Without a bound, a hub offered more than it can do holds every waiting request in memory until the
/// pod's limit ends it; with one, it keeps its pace and tells the rest when to come back.
/// </summary>
public sealed class LoadShedder(IOptions<LoadSheddingOptions> options) : IDisposable
{
    readonly ConcurrencyLimiter places = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ConcurrentRequests,
        QueueLimit = options.Value.QueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A place for one request, once one is free; not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> AdmitAsync(CancellationToken cancellationToken) => places.AcquireAsync(1, cancellationToken);

    /// <summary>Places free now, and requests queued for one.</summary>
    public (long Free, long Queued) Occupancy => places.GetStatistics() is { } s ? (s.CurrentAvailablePermits, s.CurrentQueuedCount) : (0, 0);

    public void Dispose() => places.Dispose();
}
