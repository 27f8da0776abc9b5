using System.Globalization;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Webhooks;
using IntegrationHub.Adapters.Channels.Tests.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationHub.Adapters.Channels.Tests.Webhooks;

public class WebhookDeliveryTests
{
    const string Organisation = "housing-authority-e09000001";

    [Fact]
    public async Task Webhook_that_fails_three_times_then_succeeds_gets_one_delivery_and_the_leg_is_received()
    {
        await using var agency = await WebhookReceiver.StartAsync((attempt, response) =>
        {
            response.StatusCode = attempt <= 3 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status202Accepted;
            response.Headers["X-Agency-Reference"] = "HOU-42";
            return Task.CompletedTask;
        });
        using var host = await StartAdapterAsync(agency.Url, maxRetryAttempts: 4);
        var harness = host.Services.GetRequiredService<ITestHarness>();
        var leg = Leg();

        await harness.Bus.Publish(leg);

        var acknowledged = Assert.IsType<LegAcknowledged>(Assert.Single(await AnswersAsync(harness, leg.LegId)));
        Assert.Equal("HOU-42", acknowledged.AgencyReference);
        Assert.Equal(4, agency.Calls.Count);
        Assert.All(agency.Calls, c => Assert.True(c.SignatureValid));
        Assert.Single(agency.Calls, c => c.Status is >= 200 and < 300);
        Assert.Single(agency.Calls.Select(c => c.DeliveryId).Distinct());
        Assert.Equal(leg.LegId, JsonDocument.Parse(agency.Calls.Last().Body).RootElement.GetProperty("legId").GetGuid());
    }

    /// <summary>
    /// A 503 after the channel's quick retries is an attempt that may pass: reported as such, the leg not failed. A 400 is
    /// the agency refusing the document: the leg fails at once, with no quick retry either.
    /// </summary>
    [Theory]
    [InlineData(StatusCodes.Status503ServiceUnavailable, typeof(LegDeliveryAttemptFailed), 3)]
    [InlineData(StatusCodes.Status400BadRequest, typeof(LegDeliveryFailed), 1)]
    public async Task Webhook_that_keeps_answering_an_error_reports_a_transient_attempt_or_fails_the_leg_by_its_status(int status, Type answer, int calls)
    {
        await using var agency = await WebhookReceiver.StartAsync((_, response) =>
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var host = await StartAdapterAsync(agency.Url, maxRetryAttempts: 2);
        var harness = host.Services.GetRequiredService<ITestHarness>();
        var leg = Leg();

        await harness.Bus.Publish(leg);

        var reported = Assert.Single(await AnswersAsync(harness, leg.LegId));
        Assert.IsType(answer, reported);
        Assert.Contains($"{status}", reported is LegDeliveryFailed failed ? failed.Reason : ((LegDeliveryAttemptFailed)reported).Reason, StringComparison.Ordinal);
        Assert.Equal(calls, agency.Calls.Count);
    }

    [Fact]
    public async Task Webhook_that_cannot_be_reached_reports_an_attempt_that_may_pass()
    {
        // A loopback port nothing listens on: the connection is refused.
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/webhook");
        using var host = await StartAdapterAsync(closed, maxRetryAttempts: 1);
        var harness = host.Services.GetRequiredService<ITestHarness>();
        var leg = Leg();

        await harness.Bus.Publish(leg);

        var attempt = Assert.IsType<LegDeliveryAttemptFailed>(Assert.Single(await AnswersAsync(harness, leg.LegId)));
        Assert.Contains("could not be reached", attempt.Reason, StringComparison.Ordinal);

        static int ClosedPort()
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(422, false)]
    public void An_agency_answer_is_transient_only_for_server_errors_timeouts_and_too_many_requests(int status, bool transient) =>
        Assert.Equal(transient, WebhookChannel.IsTransient((System.Net.HttpStatusCode)status));

    [Fact]
    public async Task Retry_after_from_the_agency_is_honoured()
    {
        await using var agency = await WebhookReceiver.StartAsync((attempt, response) =>
        {
            if (attempt == 1)
            {
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "2";
            }
            else
            {
                response.StatusCode = StatusCodes.Status200OK;
            }

            return Task.CompletedTask;
        });
        using var host = await StartAdapterAsync(agency.Url, maxRetryAttempts: 2);
        var harness = host.Services.GetRequiredService<ITestHarness>();

        var leg = Leg();

        await harness.Bus.Publish(leg);

        Assert.IsType<LegAcknowledged>(Assert.Single(await AnswersAsync(harness, leg.LegId)));
        var calls = agency.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1.9), $"Retried after {(calls[1].At - calls[0].At).TotalSeconds:0.00} s, not the 2 s asked for.");

        // Signed again when it was sent: the retry carries its own, later timestamp, and its signature holds.
        Assert.True(long.Parse(calls[1].Timestamp, CultureInfo.InvariantCulture) > long.Parse(calls[0].Timestamp, CultureInfo.InvariantCulture));
        Assert.All(calls, c => Assert.True(c.SignatureValid));
    }

    [Fact]
    public async Task Each_organisation_of_one_agency_gets_only_its_own_legs_at_its_own_endpoint_signed_with_its_own_key()
    {
        const string other = "housing-authority-e08000035";
        var otherKey = new WebhookKey { KeyId = "leeds-2026", Secret = "leeds-webhook-secret-9876543210" };
        await using var own = await WebhookReceiver.StartAsync(Accepting);
        await using var leeds = await WebhookReceiver.StartAsync(Accepting, otherKey);
        using var host = await StartAdapterAsync(own.Url, maxRetryAttempts: 1, new Dictionary<string, string?>
        {
            [$"Adapters:Organisations:{other}:Channel"] = AdapterOptions.WebhookChannelName,
            [$"Adapters:Organisations:{other}:WebhookUrl"] = leeds.Url.ToString(),
            [$"Adapters:Organisations:{other}:WebhookKeys:0:KeyId"] = otherKey.KeyId,
            [$"Adapters:Organisations:{other}:WebhookKeys:0:Secret"] = otherKey.Secret,
        });
        var harness = host.Services.GetRequiredService<ITestHarness>();
        var (ownLeg, leedsLeg) = (Leg(), Leg(new Organisation(other, "Leeds City Council housing options")));

        await harness.Bus.Publish(ownLeg);
        await harness.Bus.Publish(leedsLeg);

        await AnswersAsync(harness, ownLeg.LegId);
        await AnswersAsync(harness, leedsLeg.LegId);
        Assert.Equal([ownLeg.LegId], own.Calls.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("legId").GetGuid()));
        Assert.Equal([leedsLeg.LegId], leeds.Calls.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("legId").GetGuid()));
        Assert.All(own.Calls.Concat(leeds.Calls), c => Assert.True(c.SignatureValid));

        // Each receipt is the hub's news from the organisation delivered to, and no other.
        var receipts = harness.Published.Select<LegAcknowledged>().ToDictionary(m => m.Context.Message.LegId, m => m.Context.Headers.Get<string>(AnsweringOrganisation.Header));
        Assert.Equal(Organisation, receipts[ownLeg.LegId]);
        Assert.Equal(other, receipts[leedsLeg.LegId]);

        static Task Accepting(int attempt, HttpResponse response)
        {
            response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Waits for the adapter's answer to the leg: one delivery ends in one answer, acknowledged or
    /// failed, so once it is there nothing else is still to come for the leg.
    /// </summary>
    static Task<List<ILegAnswer>> AnswersAsync(ITestHarness harness, Guid legId) =>
        Eventually.WaitAsync(
            () => harness.Published.Select<ILegAnswer>(m => m.Context.Message.LegId == legId).Select(m => m.Context.Message).ToList(),
            answers => answers.Count > 0,
            $"the adapter's answer to leg {legId}");

    static async Task<IHost> StartAdapterAsync(Uri webhook, int maxRetryAttempts, IReadOnlyDictionary<string, string?>? moreSettings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(moreSettings ?? new Dictionary<string, string?>());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:Agencies:0"] = AgencyCodes.Housing,
            [$"Adapters:Organisations:{Organisation}:Channel"] = AdapterOptions.WebhookChannelName,
            [$"Adapters:Organisations:{Organisation}:WebhookUrl"] = webhook.ToString(),
            [$"Adapters:Organisations:{Organisation}:WebhookKeys:0:KeyId"] = WebhookReceiver.Key.KeyId,
            [$"Adapters:Organisations:{Organisation}:WebhookKeys:0:Secret"] = WebhookReceiver.Key.Secret,
            ["Adapters:Webhooks:MaxRetryAttempts"] = maxRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Adapters:Webhooks:FirstRetryDelay"] = "00:00:00.050",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddAgency(TestAgency.Definition(AgencyCodes.Housing)).AddAgencyAdapters();
        builder.Services.AddMassTransitTestHarness(x => x.AddConsumer<DeliverLegConsumer>());
        builder.Services.Configure<TestHarnessOptions>(o => o.TestTimeout = TimeSpan.FromSeconds(30));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    static LegRequested Leg(Organisation? recipient = null) => new(
        Guid.NewGuid(),
        Guid.NewGuid(),
        "council-a",
        AgencyCodes.Housing,
        recipient ?? new Organisation(Organisation, "Test housing authority"),
        DateTimeOffset.UtcNow,
        "Needs somewhere to live",
        new PersonDetails("Jo", "Bloggs", new DateOnly(2007, 1, 1), new ContactDetails(null, null, null, null), []),
        [new PlanSection(PlanSectionCodes.Accommodation, ["A tenancy"], ["Refer"], "PA", null)],
        new LawfulBasis("consent", "PA", DateTimeOffset.UtcNow, null),
        new Referrer("PA", null, null, "council-a"));
}
