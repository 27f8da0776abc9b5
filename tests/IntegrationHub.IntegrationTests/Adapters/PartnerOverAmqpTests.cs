using IntegrationHub.Testing;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Amqp;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.ServiceDefaults;
using RabbitMQ.Client;

namespace IntegrationHub.IntegrationTests.Adapters;

/// <summary>
/// The housing adapter runs in the hub and delivers on the AMQP channel. The test script's RabbitMQ user
/// answers for the housing authority the directory sends the tests' housing legs to.
/// </summary>
public sealed class HubWithHousingOnAmqp : HubOnRealInfrastructure
{
    public static readonly string Organisation = HousingAgency.Define(new AdapterOptions()).DefaultOrganisation.Code;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Adapters:Agencies:0"] = AgencyCodes.Housing,
        ["Adapters:DefaultChannel"] = "Amqp",
        [$"AgencyDirectory:Organisations:{Organisation}:RabbitMqUsers:0"] = RealInfrastructure.RabbitUser,
    };
}

/// <summary>
/// A partner's housing system written with nothing but RabbitMQ.Client, as one in any language
/// could be: it reads the duty-to-refer referral as plain JSON from its own queue and answers
/// with plain JSON on the answers exchange.
/// </summary>
public sealed class PartnerOverAmqpTests(HubWithHousingOnAmqp hub) : IClassFixture<HubWithHousingOnAmqp>
{
    [Fact]
    public async Task Partner_with_a_plain_amqp_client_receives_the_referral_as_json_and_accepts_it()
    {
        using var pa = hub.PersonalAdviser();
        var referralId = await pa.MakeReferralAsync([AgencyCodes.Housing]);
        await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);

        var delivered = await partner.WaitForMessageAsync(Endpoints.AgencyQueue(AgencyCodes.Housing, HubWithHousingOnAmqp.Organisation), Scenario.Patience);

        using var referral = JsonDocument.Parse(delivered.Body);
        Assert.False(referral.RootElement.TryGetProperty("messageType", out _), "The partner must get plain JSON, not a MassTransit envelope.");
        var legId = referral.RootElement.GetProperty("hubReferences").GetProperty("legId").GetGuid();
        Assert.Equal(referralId, referral.RootElement.GetProperty("hubReferences").GetProperty("referralId").GetGuid());
        Assert.DoesNotContain("justice", delivered.Body, StringComparison.OrdinalIgnoreCase);

        await partner.PublishAsync(Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, JsonSerializer.Serialize(new
        {
            answerId = Guid.NewGuid(),
            legId,
            status = "accepted",
            duty = "prevention",
            officer = "Housing options officer",
            decidedAt = DateTimeOffset.UtcNow,
            caseReference = "HOU-2026-77",
        }), userId: RealInfrastructure.RabbitUser);

        // The adapter reads the decision as two answers, the acceptance and then the duty owed, and the
        // hub records each in its own transaction: wait for the later one, which is what is asserted.
        var after = await Scenario.WaitForAsync(
            pa, referralId, r => r.Timeline.Any(t => t.Kind == TimelineKinds.AgencyUpdate && t.LegId == legId), "the housing duty on the timeline");
        Assert.Equal(LegStatusCodes.Accepted, Scenario.Status(after, AgencyCodes.Housing));
        var duty = Assert.Single(after.Timeline, t => t.Kind == TimelineKinds.AgencyUpdate && t.LegId == legId);
        Assert.Equal("Housing duty owed: prevention (case HOU-2026-77)", duty.Detail);
    }

    [Fact]
    public async Task Referral_carries_the_trace_of_the_request_that_made_it_and_an_answer_carrying_it_back_joins_that_trace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HubTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.TraceId == traceId)
                {
                    spans.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var pa = hub.PersonalAdviser();
        pa.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await pa.MakeReferralAsync([AgencyCodes.Housing]);
        await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);

        var delivered = await partner.WaitForMessageAsync(Endpoints.AgencyQueue(AgencyCodes.Housing, HubWithHousingOnAmqp.Organisation), Scenario.Patience);

        var traceParent = delivered.Header("traceparent");
        Assert.True(ActivityContext.TryParse(traceParent, null, out var sent), $"The referral's traceparent '{traceParent}' is W3C Trace Context.");
        Assert.Equal(traceId, sent.TraceId);

        using var referral = JsonDocument.Parse(delivered.Body);
        var legId = referral.RootElement.GetProperty("hubReferences").GetProperty("legId").GetGuid();
        await partner.PublishAsync(Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, JsonSerializer.Serialize(new
        {
            answerId = Guid.NewGuid(),
            legId,
            status = "accepted",
            duty = "relief",
            officer = "Housing options officer",
            decidedAt = DateTimeOffset.UtcNow,
        }), userId: RealInfrastructure.RabbitUser, headers: new Dictionary<string, object?> { ["traceparent"] = traceParent });

        var received = await Eventually.WaitAsync(
            () => spans.FirstOrDefault(span => span.OperationName == $"{Endpoints.AgencyAnswersExchange} receive"),
            span => span is not null, "the answer's receive span in the referral's trace", Scenario.Patience);
        Assert.Equal(sent.SpanId, received!.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, received.Kind);
    }

    [Fact]
    public async Task Invalid_plain_json_answer_goes_to_the_answers_error_queue_with_every_reason()
    {
        await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);
        using var pa = hub.PersonalAdviser();
        await pa.MakeReferralAsync([AgencyCodes.Housing]);
        await partner.WaitForMessageAsync(Endpoints.AgencyQueue(AgencyCodes.Housing, HubWithHousingOnAmqp.Organisation), Scenario.Patience);

        await partner.PublishAsync(
            Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, """{"answerId":"6f1c0000-0000-0000-0000-000000000001","status":"accepted"}""", RealInfrastructure.RabbitUser);

        var rejected = await partner.WaitForMessageAsync($"{Endpoints.AgencyAnswersQueue(AgencyCodes.Housing)}_error", Scenario.Patience);
        var reasons = rejected.Header(AgencyAnswerListener.RejectionReasonHeader);
        Assert.All(["legId:", "officer:", "decidedAt:", "duty:"], field => Assert.Contains(field, reasons, StringComparison.Ordinal));
    }
}
