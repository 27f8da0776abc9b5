using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Referrals;
using IntegrationHub.Tests.Delivery;
using IntegrationHub.Tests.Escalations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.ServiceDefaults;

public sealed class TelemetryTests(TracedHub hub) : IClassFixture<TracedHub>
{
    [Fact]
    public async Task A_referral_its_outbox_dispatch_the_adapters_delivery_and_the_answer_back_are_one_trace()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation, Financial));
        var correlationId = $"trace-{Guid.NewGuid():N}";
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = JsonContent.Create(Referral(person.Id, 1, [Accommodation, Financial], Housing)),
        };
        post.Headers.Add(CorrelationContext.Header, correlationId);

        await ExpectAsync(await pa.SendAsync(post), HttpStatusCode.Accepted);

        var trace = await Eventually.WaitAsync(
            () => ReferralTrace.Of(hub.Spans.Snapshot(), correlationId), t => t.IsComplete, "the referral's request, dispatch, delivery and answer spans");
        var (request, database, dispatch, send, delivery, webhook, answer) = trace.Spans();
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("/api/referrals/", request.GetTagItem("http.route"));
        Assert.Equal(request.SpanId, database.ParentSpanId);
        Assert.Equal(request.SpanId, dispatch.ParentSpanId);
        Assert.Equal(dispatch.SpanId, send.ParentSpanId);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(ActivityKind.Consumer, delivery.Kind);
        Assert.Equal(delivery.SpanId, webhook.ParentSpanId);
        Assert.Equal(hub.Webhook.Url.ToString(), webhook.GetTagItem("url.full"));
        Assert.Equal(ActivityKind.Consumer, answer.Kind);
        Assert.All([database, dispatch, send, delivery, webhook, answer], span => Assert.Equal(request.TraceId, span.TraceId));
    }

    [Fact]
    public void Service_is_named_after_the_application_when_OTEL_SERVICE_NAME_is_not_set() =>
        Assert.Equal("IntegrationHub", ServiceName(hub));

    [Fact]
    public async Task Service_is_named_by_OTEL_SERVICE_NAME_when_it_is_set()
    {
        await using var named = new ClockedHubFactory(new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = "council-a-hub" });
        await named.InitializeAsync();

        Assert.Equal("council-a-hub", ServiceName(named));
    }

    static object? ServiceName(HubFactory hub) =>
        hub.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.Single(a => a.Key == "service.name").Value;

    /// <summary>
    /// The spans of one referral, found from its request's span (tagged with the correlation id the test sent)
    /// by the request's trace id: nothing but the trace id ties the later spans to the request.
    /// </summary>
    sealed record ReferralTrace([property: JsonIgnore] IReadOnlyList<Activity> InTrace, [property: JsonIgnore] Activity? Request)
    {
        /// <summary>What a timed-out wait reports having seen.</summary>
        public IEnumerable<string> Seen => InTrace.Select(s => $"{s.Source.Name}: {s.DisplayName}");

        public static ReferralTrace Of(IReadOnlyList<Activity> exported, string correlationId)
        {
            var request = exported.SingleOrDefault(s => s.Source.Name == "Microsoft.AspNetCore"
                && Equals(s.GetTagItem(HubTelemetry.CorrelationIdAttribute), correlationId));
            return new ReferralTrace(request is null ? [] : [.. exported.Where(s => s.TraceId == request.TraceId)], request);
        }

        Activity? Database => InTrace.FirstOrDefault(s => s.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore" && s.ParentSpanId == Request?.SpanId);

        Activity? Dispatch => InTrace.SingleOrDefault(s => s.Source.Name == HubTelemetry.Name && s.DisplayName == "outbox dispatch"
            && Equals(s.GetTagItem("messaging.destination.name"), Endpoints.AdapterQueue(Housing)));

        Activity? Send => InTrace.SingleOrDefault(s => s.Source.Name == "MassTransit" && s.ParentSpanId == Dispatch?.SpanId);

        Activity? Delivery => Consumer<DeliverLegConsumer>();

        Activity? Webhook => InTrace.SingleOrDefault(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == Delivery?.SpanId);

        Activity? Answer => Consumer<RecordAgencyAnswerConsumer>();

        public bool IsComplete => Request is not null && Database is not null && Dispatch is not null && Send is not null
            && Delivery is not null && Webhook is not null && Answer is not null;

        public (Activity Request, Activity Database, Activity Dispatch, Activity Send, Activity Delivery, Activity Webhook, Activity Answer) Spans() =>
            (Request!, Database!, Dispatch!, Send!, Delivery!, Webhook!, Answer!);

        Activity? Consumer<T>() => InTrace.SingleOrDefault(s => s.Source.Name == "MassTransit"
            && Equals(s.GetTagItem("messaging.masstransit.consumer_type"), typeof(T).FullName));
    }
}

/// <summary>The hub with the housing adapter in process on a webhook that takes every referral, its spans exported to memory.</summary>
public sealed class TracedHub : AdaptersInProcessHub
{
    public Exported<Activity> Spans { get; } = [];

    public override int MaxRetryAttempts => 1;

    protected override int WebhookStatus(int call) => 202;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }
}
