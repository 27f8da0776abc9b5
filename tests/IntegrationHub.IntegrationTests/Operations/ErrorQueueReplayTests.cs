using IntegrationHub.Testing;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Operations;
using MassTransit;
using static IntegrationHub.Operations.OperationsApi;

namespace IntegrationHub.IntegrationTests.Operations;

public sealed class ErrorQueueReplayTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Answer_that_failed_on_a_fault_of_the_database_is_replayed_from_the_error_queue_once_it_is_fixed()
    {
        using var pa = hub.PersonalAdviser();
        using var ops = hub.Operator();
        var (referralId, leg) = await hub.MakeReferralReceivedByAsync(pa, AgencyCodes.Yos);

        // A fault of the database's own, not an outage (which consumers wait out): every write to the timeline is refused until it is fixed.
        await RealInfrastructure.ExecuteAsync(hub.Database, """
            CREATE FUNCTION refuse_timeline() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the timeline refuses writes'; END $$;
            CREATE TRIGGER refuse_timeline BEFORE INSERT ON timeline_entries FOR EACH ROW EXECUTE FUNCTION refuse_timeline();
            """);
        List<DeadLetter> dead;
        try
        {
            await hub.Bus.PublishAsync(new LegAcknowledged(NewId.NextGuid(), leg.LegId, AgencyCodes.Yos, "YOS worker", DateTimeOffset.UtcNow, "YOS-7"), leg.Recipient.Code, default);
            dead = await WaitForDeadLettersAsync(ops, Endpoints.LegAnswersQueue);
        }
        finally
        {
            await RealInfrastructure.ExecuteAsync(hub.Database, "DROP TRIGGER refuse_timeline ON timeline_entries; DROP FUNCTION refuse_timeline();");
        }

        var letter = Assert.Single(dead);
        Assert.False(string.IsNullOrWhiteSpace(letter.FaultReason));
        Assert.Equal(LegStatusCodes.Requested, Scenario.Status(await Scenario.GetAsync(pa, referralId), AgencyCodes.Yos));

        var replay = await ops.PostAsync($"/api/operations/error-queues/{Endpoints.LegAnswersQueue}/replay", null);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, replay);
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<Replayed>())!.Count);

        var referral = await Scenario.WaitForAsync(pa, referralId, r => Scenario.Status(r, AgencyCodes.Yos) == LegStatusCodes.Received, "the replayed acknowledgement");
        Assert.Equal("YOS-7", referral.Legs.Single().AgencyReference);
        Assert.Empty((await ops.GetFromJsonAsync<List<DeadLetter>>($"/api/operations/error-queues/{Endpoints.LegAnswersQueue}"))!);
    }

    [Fact]
    public async Task Only_an_operator_may_look_at_error_queues_and_only_the_hubs_own()
    {
        using var pa = hub.PersonalAdviser();
        using var ops = hub.Operator();

        Assert.Equal(HttpStatusCode.Forbidden, (await pa.GetAsync($"/api/operations/error-queues/{Endpoints.LegAnswersQueue}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync("/api/operations/error-queues/some-other-queue")).StatusCode);
    }

    /// <summary>Polls until the error queue holds a message; a 503 (the broker briefly out of reach) is polled again, any other failure fails with its body.</summary>
    static async Task<List<DeadLetter>> WaitForDeadLettersAsync(HttpClient ops, string queue) =>
        (await Eventually.WaitAsync(
            async () =>
            {
                using var response = await ops.GetAsync($"/api/operations/error-queues/{queue}");
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    return null;
                }

                await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
                return await response.Content.ReadFromJsonAsync<List<DeadLetter>>();
            },
            letters => letters is { Count: > 0 },
            $"a message on {queue}_error"))!;
}
