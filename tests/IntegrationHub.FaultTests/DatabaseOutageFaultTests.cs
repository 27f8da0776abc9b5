using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.IntegrationTests;
using IntegrationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IntegrationHub.FaultTests;

/// <summary>
/// PostgreSQL stopped for a minute while referrals are being made: the API answers 503 and never 500, nothing is given
/// up on because the database was away, and what was accepted before reaches its agencies once it is back.
/// </summary>
[Trait("Category", Fault.Category)]
public sealed class DatabaseOutageFaultTests(HubWithThreeAgenciesOnAmqp hub, ITestOutputHelper output) : IClassFixture<HubWithThreeAgenciesOnAmqp>
{
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    /// <summary>Between one client's requests: load, not a hot loop against a database that answers at once that it is away.</summary>
    static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Database_stopped_for_a_minute_under_load_answers_only_503_and_the_backlog_clears_after()
    {
        using var pa = hub.PersonalAdviser();
        await using var deliveries = await LegDeliveries.ConsumeAsync(hub.VirtualHost, HubWithThreeAgenciesOnAmqp.Queues, Eventually.Patience);
        var people = await Load.YoungPeopleAsync(pa, 5);
        var accepted = new ConcurrentBag<Guid>();
        var answers = new ConcurrentDictionary<string, int>();
        var unexpected = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            for (var i = client; !stop.IsCancellationRequested; i += 4)
            {
                using var response = await pa.PostAsJsonAsync("/api/referrals", Scenario.ReferralOf(people[i % people.Length], Fault.Agencies));
                answers.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add(await Scenario.IdOfAsync(response));
                }
                else if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    unexpected.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                await Task.Delay(Pace);
            }
        })));

        await Eventually.WaitAsync(() => accepted.Count, n => n >= 50, "the first 50 referrals accepted before the outage");
        await RealInfrastructure.PgCtlAsync("stop");
        await Task.Delay(Outage);
        await RealInfrastructure.PgCtlAsync("start");
        var before = accepted.Count;
        await Eventually.WaitAsync(() => accepted.Count, n => n >= before + 50, "50 more referrals accepted after the database came back", TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await load;

        var sent = accepted.ToHashSet();
        var count = await deliveries.SettleAsync(sent, Fault.Agencies.Length, TimeSpan.FromMinutes(2));
        var errorQueues = await Broker.ErrorQueueDepthsAsync(hub.VirtualHost);
        var parked = await hub.QueryAsync(db => db.Outbox.CountAsync(m => m.ParkedAt != null));

        var legs = sent.Count * Fault.Agencies.Length;
        Fault.Report(output, $"fault: PostgreSQL stopped {Fault.Seconds(Outage)} under load | answers {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key} x{a.Value}"))} | "
            + $"sent {sent.Count} referrals ({legs} legs) | delivered {count.Delivered} | lost {legs - count.Delivered} | duplicated {count.Duplicated} | "
            + $"error-queue messages {errorQueues.Values.Sum()} | parked {parked}");
        Assert.True(unexpected.IsEmpty, $"Answered other than 202 or 503: {string.Join("\n", unexpected)}\nThe hub's unhandled exceptions:\n{string.Join("\n", hub.Errors.Logged.Where(e => e.StartsWith("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal)))}");
        Assert.Equal(["202", "503"], answers.Keys.Order());
        Assert.Equal((legs, 0, 0), (count.Delivered, count.Duplicated, count.Unexpected));
        Assert.All(errorQueues, q => Assert.Equal(0, q.Value));
        Assert.Equal(0, parked);
    }
}
