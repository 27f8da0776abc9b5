using IntegrationHub.Idempotency;
using IntegrationHub.Persistence;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Outbox;

/// <summary>
/// Deletes sent outbox messages, handled inbox entries and the idempotency keys with their responses once they are past
/// their retention: a sent message's body, and a kept response, is a copy of personal data the hub already holds. Unsent
/// messages are never deleted, however old. Any number of replicas may run it: a delete of what another has deleted
/// deletes nothing.
/// </summary>
sealed class OutboxPurger(
    IServiceScopeFactory scopes, IOptions<OutboxOptions> options, IOptions<IdempotencyOptions> idempotency, TimeProvider clock, DependencyOutages outages, ILogger<OutboxPurger> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                var (sent, handled, keys) = await PurgeAsync(stoppingToken);
                if (sent + handled + keys > 0)
                {
                    logger.LogInformation(
                        "Purged {Sent} sent outbox messages, {Handled} inbox entries and {Keys} idempotency keys past their retention", sent, handled, keys);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outages.PassFailed(logger, ex, "The retention purge of the outbox, inbox and idempotency keys");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<(int Sent, int Handled, int Keys)> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SpanAllTenants("the retention purge");
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = clock.GetUtcNow();
        var sentBefore = now - options.Value.SentRetention;
        var handledBefore = now - options.Value.InboxRetention;
        var usedBefore = now - idempotency.Value.Retention;
        var sent = await db.Outbox.Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        var handled = await db.Inbox.Where(i => i.HandledAt < handledBefore).ExecuteDeleteAsync(cancellationToken);
        var keys = await db.IdempotencyKeys.Where(k => k.At < usedBefore).ExecuteDeleteAsync(cancellationToken);
        return (sent, handled, keys);
    }
}
