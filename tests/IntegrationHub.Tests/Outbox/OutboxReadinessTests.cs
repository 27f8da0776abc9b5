using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using IntegrationHub.Outbox;
using IntegrationHub.Tests.Escalations;
using IntegrationHub.Tests.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using static IntegrationHub.ServiceDefaults.ServiceDefaultsExtensions;

namespace IntegrationHub.Tests.Outbox;

public sealed class OutboxReadinessTests(MeteredHub hub) : IClassFixture<MeteredHub>
{
    [Fact]
    public async Task Unsent_message_older_than_the_warning_degrades_readiness_one_older_than_the_critical_age_fails_it_and_the_gauges_say_so()
    {
        using var probe = hub.CreateClient();

        await InsertUnsentAsync(waited: TimeSpan.FromMinutes(10));
        await ExpectOutboxAsync(probe, 200, "Degraded",
            "1 outbox message is not sent to the message broker yet; the oldest has waited 10 minutes, longer than the 5 minutes expected (Health:Outbox:OldestUnsentWarning).");

        await InsertUnsentAsync(waited: TimeSpan.FromHours(2));
        await ExpectOutboxAsync(probe, 503, "Unhealthy",
            "2 outbox messages are not sent to the message broker yet; the oldest has waited 2 hours, longer than the 30 minutes allowed (Health:Outbox:OldestUnsentCritical).");

        Assert.Equal(2, hub.Gauge("hub.outbox.unsent"));
        Assert.InRange(hub.Gauge("hub.outbox.oldest_unsent.age"), TimeSpan.FromHours(2).TotalSeconds, TimeSpan.FromHours(3).TotalSeconds);
        Assert.True(hub.Services.GetRequiredService<MeterProvider>().ForceFlush(), "The metrics were collected.");
        Assert.Contains(hub.Metrics.Snapshot(), m => m.Name == "hub.outbox.unsent");
        Assert.Contains(hub.Metrics.Snapshot(), m => m.Name == "hub.outbox.oldest_unsent.age");
    }

    [Fact]
    public async Task Critical_age_no_longer_than_the_warning_stops_the_hub_starting()
    {
        await using var misconfigured = new ClockedHubFactory(new Dictionary<string, string>
        {
            ["Health:Outbox:OldestUnsentWarning"] = "00:30:00",
            ["Health:Outbox:OldestUnsentCritical"] = "00:10:00",
        });

        var failure = await Assert.ThrowsAnyAsync<Exception>(misconfigured.InitializeAsync);

        Assert.Contains("Health:Outbox:OldestUnsentCritical (00:10:00) must be longer than Health:Outbox:OldestUnsentWarning (00:30:00).", failure.ToString(), StringComparison.Ordinal);
    }

    // Committed this long ago and due only in a year, so the dispatcher leaves it unsent while the test runs.
    Task<int> InsertUnsentAsync(TimeSpan waited) => hub.QueryAsync(db =>
    {
        db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            MessageType = "IntegrationHub.Contracts.V1.LegRequested",
            Body = "{}",
            CreatedAt = DateTimeOffset.UtcNow - waited,
            NextAttemptAt = DateTimeOffset.UtcNow.AddYears(1),
        });
        return db.SaveChangesAsync();
    });

    /// <summary>Readiness as a probe reads it: the answer's status, the overall and the outbox check's status, and how the check begins its description.</summary>
    internal static async Task ExpectOutboxAsync(HttpClient probe, int httpStatus, string status, string description)
    {
        using var response = await probe.GetAsync("/health/ready");
        var readiness = (await response.Content.ReadFromJsonAsync<Readiness>())!;

        Assert.Equal(httpStatus, (int)response.StatusCode);
        Assert.Equal(status, readiness.Status);
        var outbox = Assert.Single(readiness.Checks, c => c.Name == "outbox");
        Assert.Equal(status, outbox.Status);
        Assert.StartsWith(description, outbox.Description, StringComparison.Ordinal);
    }
}

public sealed class ParkedOutboxReadinessTests(MeteredHub hub) : IClassFixture<MeteredHub>
{
    [Fact]
    public async Task Parked_message_degrades_readiness_and_is_counted_apart_from_the_unsent()
    {
        using var probe = hub.CreateClient();

        await hub.QueryAsync(db =>
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                MessageType = "IntegrationHub.Contracts.V1.LegRequested",
                Body = "{}",
                CreatedAt = DateTimeOffset.UtcNow,
                Attempts = 10,
                ParkedAt = DateTimeOffset.UtcNow,
                LastError = "The message could not be read.",
            });
            return db.SaveChangesAsync();
        });

        await OutboxReadinessTests.ExpectOutboxAsync(probe, 200, "Degraded",
            "Every outbox message not parked has been sent to the message broker. 1 outbox message is parked after failing every attempt: an operator should look at GET /api/operations/outbox/parked and replay it.");
        Assert.Equal(1, hub.Gauge("hub.outbox.parked"));
        Assert.Equal(0, hub.Gauge("hub.outbox.unsent"));
    }
}

/// <summary>A hub whose metrics, and every other hub's in the process, are exported to memory whenever the test flushes them.</summary>
public sealed class MeteredHub : HubFactory
{
    public Exported<MetricSnapshot> Metrics { get; } = [];

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics)));

    /// <summary>
    /// The gauge's value, as this hub measures it now. The test process runs many hubs, each with a meter of the
    /// same name, and an exporter takes all of them: only a listener that knows this hub's meter factory tells
    /// its gauge from theirs.
    /// </summary>
    public double Gauge(string name)
    {
        var factory = Services.GetRequiredService<IMeterFactory>();
        double? value = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listening) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == name)
                {
                    listening.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, measured, _, _) => value = measured);
        listener.SetMeasurementEventCallback<double>((_, measured, _, _) => value = measured);
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? throw new InvalidOperationException($"This hub has no gauge '{name}'.");
    }
}
