using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Outbox;

/// <summary>
/// Deletes sent outbox messages and handled inbox entries once they are past their retention: a sent
/// message's body is a copy of personal data the referral already holds. Unsent messages are never
/// deleted, however old. Any number of replicas may run it: a delete of what another has deleted
/// deletes nothing.
/// </summary>
sealed class OutboxPurger(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                var (sent, handled) = await PurgeAsync(stoppingToken);
                if (sent + handled > 0)
                {
                    logger.LogInformation("Purged {Sent} sent outbox messages and {Handled} inbox entries past their retention", sent, handled);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Purging the outbox and inbox failed; the next pass will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<(int Sent, int Handled)> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = clock.GetUtcNow();
        var sentBefore = now - options.Value.SentRetention;
        var handledBefore = now - options.Value.InboxRetention;
        var sent = await db.Outbox.Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        var handled = await db.Inbox.Where(i => i.HandledAt < handledBefore).ExecuteDeleteAsync(cancellationToken);
        return (sent, handled);
    }
}
