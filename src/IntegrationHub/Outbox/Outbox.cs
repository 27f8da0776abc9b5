using IntegrationHub.Persistence;
using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Outbox;

/// <summary>
/// Queues messages in the caller's unit of work. They are committed by the caller's own
/// <c>SaveChangesAsync</c> and published afterwards by the <see cref="OutboxDispatcher"/>.
/// </summary>
public sealed class Outbox
{
    readonly HubDbContext db;
    readonly CorrelationContext correlation;
    readonly TimeProvider clock;

    public Outbox(HubDbContext db, CorrelationContext correlation, TimeProvider clock, OutboxSignal signal)
    {
        this.db = db;
        this.correlation = correlation;
        this.clock = clock;
        // Saved inside a transaction, the messages are not there for the dispatcher until it commits: WakeOnCommit wakes it then.
        db.SavedChanges += (_, _) =>
        {
            if (db.Database.CurrentTransaction is null)
            {
                signal.Notify();
            }
        };
    }

    /// <summary>Sends a message about a leg, after every earlier message about that leg has been sent.</summary>
    /// <param name="notBefore">When the message is to go, if later than now: the dispatcher takes no message before its next attempt time.</param>
    public void SendForLeg<T>(T message, Guid legId, string queue, DateTimeOffset? notBefore = null) where T : class
    {
        var staged = OutboxMessage.For(message, queue, correlation.Id, clock.GetUtcNow(), $"leg:{legId:N}");
        staged.NextAttemptAt = notBefore;
        db.Outbox.Add(staged);
    }

    public void Publish<T>(T message) where T : class =>
        db.Outbox.Add(OutboxMessage.For(message, null, correlation.Id, clock.GetUtcNow()));
}

/// <summary>
/// Wakes the dispatcher as soon as messages were committed: after a save outside a transaction (<see cref="Outbox"/>), or a
/// transaction's commit (<see cref="WakeOnCommit{TSignal}"/>): a referral made with its audit entry, an idempotent request with its key.
/// </summary>
public sealed class OutboxSignal : WakeSignal;
