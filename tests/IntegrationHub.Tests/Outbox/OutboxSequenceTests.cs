using IntegrationHub.Contracts.V1;
using IntegrationHub.Outbox;
using IntegrationHub.Tests.Escalations;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Tests.Outbox;

/// <summary>
/// A leg's messages leave the outbox in the order they were written: a cancellation waits behind its leg's request
/// while the request waits for its next attempt, and a message of another leg is not held back by it.
/// </summary>
public sealed class OutboxSequenceTests : IAsyncLifetime
{
    static readonly DateTimeOffset Start = ClockedHubFactory.Start;

    readonly ClockedHubFactory hub = new();

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync().AsTask();

    [Fact]
    public async Task Later_message_of_a_leg_waits_until_the_earlier_one_is_sent_and_other_legs_go_on()
    {
        var leg = Guid.NewGuid();
        var request = Message($"leg:{leg:N}", written: Start.AddSeconds(-3), nextAttempt: Start.AddHours(1));
        var cancellation = Message($"leg:{leg:N}", written: Start.AddSeconds(-2));
        var otherLeg = Message($"leg:{Guid.NewGuid():N}", written: Start.AddSeconds(-1));
        await hub.QueryAsync(db =>
        {
            db.Outbox.AddRange(request, cancellation, otherLeg);
            return db.SaveChangesAsync();
        });

        // Written after the cancellation, so a dispatch that took the cancellation would have sent it first.
        await SentAsync(otherLeg, "the other leg's message");
        Assert.Null((await StoredAsync(cancellation)).SentAt);

        await hub.QueryAsync(db => db.Outbox.Where(m => m.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)));

        await SentAsync(cancellation, "the cancellation once its leg's request is sent");
        Assert.NotNull((await StoredAsync(request)).SentAt);
    }

    static OutboxMessage Message(string sequence, DateTimeOffset written, DateTimeOffset? nextAttempt = null) => new()
    {
        Id = Guid.NewGuid(),
        MessageType = typeof(LegAcknowledged).FullName!,
        Body = "{}",
        SequenceKey = sequence,
        CreatedAt = written,
        NextAttemptAt = nextAttempt,
    };

    Task<OutboxMessage> StoredAsync(OutboxMessage message) => hub.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id));

    Task<OutboxMessage> SentAsync(OutboxMessage message, string what) =>
        Eventually.WaitAsync(() => StoredAsync(message), m => m.SentAt is not null, what);
}
