using System.Diagnostics.Metrics;
using IntegrationHub.Persistence;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Outbox;

/// <summary>
/// What the outbox holds back: how many messages are not sent yet and how long the oldest has waited.
/// Read by the readiness check and, as the gauges <c>hub.outbox.unsent</c> and
/// <c>hub.outbox.oldest_unsent.age</c>, by the metrics, so both tell the same figures.
/// </summary>
public sealed class OutboxBacklog
{
    readonly IServiceScopeFactory scopes;
    readonly TimeProvider clock;

    public OutboxBacklog(IServiceScopeFactory scopes, TimeProvider clock, IMeterFactory meters)
    {
        this.scopes = scopes;
        this.clock = clock;
        var meter = meters.Create(HubTelemetry.Name);

        // The meter calls back synchronously, on the metric reader's own thread, once per export.
        meter.CreateObservableGauge("hub.outbox.unsent", () => ReadAsync(CancellationToken.None).GetAwaiter().GetResult().Unsent,
            unit: "{message}", description: "Outbox messages not yet sent to the message broker.");
        meter.CreateObservableGauge("hub.outbox.oldest_unsent.age", () => ReadAsync(CancellationToken.None).GetAwaiter().GetResult().OldestWait.TotalSeconds,
            unit: "s", description: "How long the oldest outbox message not yet sent has waited; 0 when every message is sent.");
    }

    public async Task<Backlog> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var unsent = db.Outbox.AsNoTracking().Where(m => m.SentAt == null);
        var count = await unsent.CountAsync(cancellationToken);
        var oldest = await unsent.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        // Another replica's clock may run a little ahead of this one's: a wait is never negative.
        var now = clock.GetUtcNow();
        return new Backlog(count, oldest is { } createdAt && createdAt < now ? now - createdAt : TimeSpan.Zero);
    }
}

/// <param name="Unsent">Messages not yet sent, including those waiting for their next attempt.</param>
/// <param name="OldestWait">How long the oldest of them has waited since it was committed; zero when there are none.</param>
public sealed record Backlog(int Unsent, TimeSpan OldestWait);
