using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Operations;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace IntegrationHub.IntegrationTests.ServiceDefaults;

/// <summary>The hub on its real database and broker, its log kept in memory for the test to read.</summary>
public sealed class HubWithLogs : HubOnRealInfrastructure
{
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
    }
}

/// <summary>
/// A database outage while answers arrive: consumers wait it out with their messages on the queue, nothing goes to an
/// error queue, the backlog is applied once it is back, and the outage is a few log lines, not one per failed call.
/// </summary>
public sealed class DatabaseOutageTests(HubWithLogs hub) : IClassFixture<HubWithLogs>
{
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Answer_arriving_while_the_database_is_away_waits_on_its_queue_and_is_recorded_once_it_is_back_and_the_outage_is_logged_once_per_10_seconds()
    {
        using var pa = hub.PersonalAdviser();
        using var ops = hub.Operator();
        var (referralId, leg) = await hub.MakeReferralReceivedByAsync(pa, AgencyCodes.Yos);

        hub.Logs.Clear();
        var started = DateTimeOffset.UtcNow;
        await RealInfrastructure.RefuseConnectionsAsync(hub.Database);
        HttpStatusCode whileAway;
        try
        {
            await hub.Bus.PublishAsync(new LegAcknowledged(NewId.NextGuid(), leg.LegId, AgencyCodes.Yos, "YOS worker", DateTimeOffset.UtcNow, "YOS-7"), leg.Recipient.Code, default);
            whileAway = (await pa.GetAsync($"/api/referrals/{referralId}")).StatusCode;

            // The outage lasts a while, so the consumer tries again several times while it waits.
            await Task.Delay(Outage - (DateTimeOffset.UtcNow - started) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        }
        finally
        {
            await RealInfrastructure.AllowConnectionsAsync(hub.Database);
        }

        var away = DateTimeOffset.UtcNow - started;
        var referral = await Scenario.WaitForAsync(pa, referralId, r => Scenario.Status(r, AgencyCodes.Yos) == LegStatusCodes.Received, "the acknowledgement recorded once the database is back");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileAway);
        Assert.Equal("YOS-7", referral.Legs.Single().AgencyReference);
        Assert.Empty((await ops.GetFromJsonAsync<List<DeadLetter>>($"/api/operations/error-queues/{Endpoints.LegAnswersQueue}"))!);

        var warnings = hub.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        var others = warnings.Where(r => r.Category != typeof(DependencyOutages).FullName).ToList();
        Assert.True(others.Count == 0, $"Only the outage is spoken of while the database is away; also logged: {string.Join(" | ", others.Select(r => $"{r.Category}: {r.Message}"))}");
        var reports = OutageReports();
        Assert.All(reports, r => Assert.StartsWith("The database is out of reach", r.Message, StringComparison.Ordinal));
        Assert.InRange(reports.Count, 1, (int)Math.Ceiling(away / DependencyOutages.ReportInterval) + 1);
    }

    IReadOnlyList<FakeLogRecord> OutageReports() =>
        [.. hub.Logs.GetSnapshot().Where(r => r.Category == typeof(DependencyOutages).FullName && r.Level == LogLevel.Warning)];
}
