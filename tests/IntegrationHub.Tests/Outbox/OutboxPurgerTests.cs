using IntegrationHub.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Outbox;

public sealed class OutboxPurgerTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Sent_messages_and_inbox_entries_past_their_retention_are_deleted_and_unsent_ones_never()
    {
        var now = DateTimeOffset.UtcNow;
        var sentLongAgo = Message(now.AddDays(-100), sentAt: now.AddDays(-8));
        var sentYesterday = Message(now.AddDays(-1), sentAt: now.AddDays(-1));
        var neverSent = Message(now.AddDays(-100), sentAt: null);
        var handledLongAgo = Handled(now.AddDays(-31));
        var handledYesterday = Handled(now.AddDays(-1));
        await hub.QueryAsync(db =>
        {
            db.Outbox.AddRange(sentLongAgo, sentYesterday, neverSent);
            db.Inbox.AddRange(handledLongAgo, handledYesterday);
            return db.SaveChangesAsync();
        });

        var (sent, handled, _) = await hub.Services.GetRequiredService<OutboxPurger>().PurgeAsync(CancellationToken.None);

        Assert.Equal((1, 1), (sent, handled));
        var outboxLeft = await hub.QueryAsync(db => db.Outbox.Where(m => m.Id == sentLongAgo.Id || m.Id == sentYesterday.Id || m.Id == neverSent.Id).Select(m => m.Id).ToListAsync());
        Assert.Equal(new HashSet<Guid> { sentYesterday.Id, neverSent.Id }, outboxLeft.ToHashSet());
        var inboxLeft = await hub.QueryAsync(db => db.Inbox.Where(i => i.MessageKey == handledLongAgo.MessageKey || i.MessageKey == handledYesterday.MessageKey).Select(i => i.MessageKey).ToListAsync());
        Assert.Equal([handledYesterday.MessageKey], inboxLeft);
    }

    // Due only in a year, so the dispatcher leaves the unsent one alone while the test runs.
    static OutboxMessage Message(DateTimeOffset createdAt, DateTimeOffset? sentAt) => new()
    {
        Id = Guid.NewGuid(),
        MessageType = "IntegrationHub.Contracts.V1.LegRequested",
        Body = """{"summary":"personal data"}""",
        CreatedAt = createdAt,
        SentAt = sentAt,
        NextAttemptAt = DateTimeOffset.UtcNow.AddYears(1),
    };

    static InboxEntry Handled(DateTimeOffset at) => new() { Consumer = "test-consumer", MessageKey = Guid.NewGuid(), HandledAt = at };
}
