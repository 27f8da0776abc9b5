using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Operations;
using IntegrationHub.Outbox;
using IntegrationHub.Security;
using IntegrationHub.Tests.Escalations;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Operations;

/// <summary>
/// An outbox message that fails for a reason of its own is parked after its attempts (one, here), with the reason: an
/// operator sees it, never its content, and replays it once the fault is put right; it is then sent once.
/// </summary>
public sealed class ParkedMessagesTests : IAsyncLifetime
{
    readonly ClockedHubFactory hub = new(new Dictionary<string, string> { ["Outbox:MaxAttempts"] = "1" });

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync().AsTask();

    [Fact]
    public async Task Message_that_fails_its_attempts_is_parked_with_its_reason_and_sent_once_when_replayed_after_a_fix()
    {
        var id = Guid.NewGuid();
        await hub.QueryAsync(async db =>
        {
            db.Outbox.Add(new OutboxMessage { Id = id, MessageType = "IntegrationHub.Contracts.V1.NoSuchMessage", Body = "{}", CreatedAt = ClockedHubFactory.Start });
            return await db.SaveChangesAsync();
        });
        using var ops = hub.CreateClient(hub.Token(new HubUser("ops-1", "Olu Operator", HubRoles.Operator, HubFactory.TenantA, null, null)));

        var parked = await Eventually.WaitAsync(
            async () => (await ops.GetFromJsonAsync<List<ParkedMessage>>("/api/operations/outbox/parked"))!,
            list => list.Any(m => m.Id == id),
            "the message parked");

        var message = Assert.Single(parked, m => m.Id == id);
        Assert.Equal((1, "Outbox message type 'IntegrationHub.Contracts.V1.NoSuchMessage' is not a contract."), (message.Attempts, message.LastError));
        using var pa = hub.PersonalAdviser();
        await ExpectAsync(await pa.GetAsync("/api/operations/outbox/parked"), HttpStatusCode.Forbidden);

        await hub.QueryAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.MessageType, typeof(LegAcknowledged).FullName!)));
        await ExpectAsync(await ops.PostAsync($"/api/operations/outbox/parked/{id}/replay", null), HttpStatusCode.NoContent);

        var sent = await Eventually.WaitAsync(() => hub.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id)), m => m.SentAt is not null, "the replayed message sent");
        Assert.Null(sent.ParkedAt);
        Assert.DoesNotContain((await ops.GetFromJsonAsync<List<ParkedMessage>>("/api/operations/outbox/parked"))!, m => m.Id == id);
        await ExpectAsync(await ops.PostAsync($"/api/operations/outbox/parked/{id}/replay", null), HttpStatusCode.NotFound);
    }
}
