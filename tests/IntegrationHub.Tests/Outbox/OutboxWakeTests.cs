using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Outbox;

/// <summary>
/// The dispatcher sends what is committed at once, without waiting for its next poll (five minutes here, the longest it may be): a save outside a
/// transaction wakes it, and so does the commit of a transaction the messages were saved in, whose save alone came too
/// early for the dispatcher to see them.
/// </summary>
public sealed class OutboxWakeTests : IAsyncLifetime
{
    readonly HourlyPollHub hub = new();

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync().AsTask();

    [Fact]
    public async Task Messages_are_sent_when_saved_outside_a_transaction_and_when_their_transaction_commits()
    {
        // The dispatcher has polled at start-up; from now on only a wake-up sends anything within the test's patience.
        await SentAsync(await SendAsync(inTransaction: false));

        var sent = await SendAsync(inTransaction: true);

        await SentAsync(sent);
    }

    async Task<Guid> SendAsync(bool inTransaction)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IntegrationHub.Outbox.Outbox>();
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync() : null;
        outbox.Publish(new LegAcknowledged(Guid.NewGuid(), Guid.NewGuid(), AgencyCodes.Housing, "Housing options", DateTimeOffset.UtcNow, null));
        await db.SaveChangesAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return db.Outbox.Local.Single().Id;
    }

    Task SentAsync(Guid id) => Eventually.WaitAsync<DateTimeOffset?>(
        () => hub.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Id == id).Select(m => m.SentAt).SingleAsync()),
        sentAt => sentAt is not null,
        "the message sent without waiting for the dispatcher's next poll");

    sealed class HourlyPollHub : HubFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Outbox:PollInterval", "00:05:00");
    }
}
