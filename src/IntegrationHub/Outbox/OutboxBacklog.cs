using System.Diagnostics.Metrics;
using IntegrationHub.Persistence;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Outbox;

/// <summary>
/// What the outbox holds back: how many messages are not sent yet, how long the oldest has waited, and how
/// many are parked for an operator. Read by the readiness check and, as the gauges <c>hub.outbox.unsent</c>,
/// <c>hub.outbox.oldest_unsent.age</c> and <c>hub.outbox.parked</c>, by the metrics, so both tell the same figures.
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
        meter.CreateObservableGauge("hub.outbox.parked", () => ReadAsync(CancellationToken.None).GetAwaiter().GetResult().Parked,
            unit: "{message}", description: "Outbox messages that failed every attempt and wait for an operator to replay them.");
    }

    public async Task<Backlog> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var unsent = db.Outbox.AsNoTracking().Where(m => m.SentAt == null && m.ParkedAt == null);
        var count = await unsent.CountAsync(cancellationToken);
        var parked = await db.Outbox.AsNoTracking().CountAsync(m => m.SentAt == null && m.ParkedAt != null, cancellationToken);
        var oldest = await unsent.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        // Another replica's clock may run a little ahead of this one's: a wait is never negative.
        var now = clock.GetUtcNow();
        return new Backlog(count, oldest is { } createdAt && createdAt < now ? now - createdAt : TimeSpan.Zero, parked);
    }
}

/// <param name="Unsent">Messages not yet sent, including those waiting for their next attempt; not those parked.</param>
/// <param name="OldestWait">How long the oldest of them has waited since it was committed; zero when there are none.</param>
/// <param name="Parked">Messages that had every attempt and wait for an operator.</param>
public sealed record Backlog(int Unsent, TimeSpan OldestWait, int Parked);
