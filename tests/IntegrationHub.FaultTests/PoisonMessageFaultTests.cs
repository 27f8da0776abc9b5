using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.IntegrationTests;
using IntegrationHub.Operations;
using IntegrationHub.Testing;
using Xunit.Abstractions;
using static IntegrationHub.Operations.OperationsApi;

namespace IntegrationHub.FaultTests;

/// <summary>
/// A leg its organisation's queue cannot take (the queue unbound from its exchange, so the broker returns it as
/// unroutable) goes to its error queue with the reason; once the binding is mended, the operator's replay delivers it,
/// once, and a second replay has nothing left to send.
/// </summary>
[Trait("Category", Fault.Category)]
public sealed class PoisonMessageFaultTests(HubWithThreeAgenciesOnAmqp hub, ITestOutputHelper output) : IClassFixture<HubWithThreeAgenciesOnAmqp>
{
    static readonly string Queue = HubWithThreeAgenciesOnAmqp.Queues[0];
    static readonly string AdapterQueue = Endpoints.AdapterQueue(AgencyCodes.Housing);

    [Fact]
    public async Task Leg_the_broker_cannot_route_is_in_its_error_queue_with_the_reason_and_a_replay_after_the_fix_delivers_it_once()
    {
        using var pa = hub.PersonalAdviser();
        using var ops = hub.Operator();
        await using var deliveries = await LegDeliveries.ConsumeAsync(hub.VirtualHost, [Queue], Eventually.Patience);
        await using var rabbit = await RawRabbit.ConnectAsync(hub.VirtualHost);
        await using var channel = await rabbit.ChannelAsync();
        await channel.QueueUnbindAsync(Queue, Queue, routingKey: "");

        var referralId = await pa.MakeReferralAsync([AgencyCodes.Housing]);
        var dead = (await Eventually.WaitAsync(
            () => ops.GetFromJsonAsync<List<DeadLetter>>($"/api/operations/error-queues/{AdapterQueue}"), letters => letters is { Count: > 0 }, $"the leg on {AdapterQueue}_error"))!;
        await channel.QueueBindAsync(Queue, Queue, routingKey: "");
        var replay = await ReplayAsync(ops);
        var sent = new HashSet<Guid> { referralId };
        var count = await deliveries.SettleAsync(sent, legsEach: 1, Scenario.Patience);
        var again = await ReplayAsync(ops);
        var afterAgain = deliveries.CountFor(sent);

        var letter = dead.Single();
        Fault.Report(output, $"fault: poison message (leg unroutable) | in {AdapterQueue}_error: {dead.Count}, reason \"{letter.FaultReason}\" | replayed {replay.Count} after the fix | "
            + $"delivered {count.Delivered} | lost {1 - count.Delivered} | duplicated {afterAgain.Duplicated} | second replay {again.Count}");
        Assert.False(string.IsNullOrWhiteSpace(letter.FaultReason));
        Assert.Equal((1, 1, 0), (replay.Count, count.Delivered, afterAgain.Duplicated));
        Assert.Equal(0, again.Count);
    }

    static async Task<Replayed> ReplayAsync(HttpClient ops)
    {
        using var response = await ops.PostAsync($"/api/operations/error-queues/{AdapterQueue}/replay", null);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync<Replayed>())!;
    }
}
