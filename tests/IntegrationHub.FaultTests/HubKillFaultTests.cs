using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.IntegrationTests;
using IntegrationHub.Testing;
using Xunit.Abstractions;

namespace IntegrationHub.FaultTests;

/// <summary>
/// The hub killed (SIGKILL) again and again while referrals are submitted and dispatched: every referral it answered
/// 202 reaches its agencies after the restart, and none reaches an agency that the hub never committed.
/// </summary>
[Trait("Category", Fault.Category)]
public sealed class HubKillFaultTests(ITestOutputHelper output)
{
    const int Kills = 20;

    const int Clients = 4;

    /// <summary>Referrals accepted between two kills: enough that each kill meets submissions and dispatches under way.</summary>
    const int AcceptedBetweenKills = 10;

    [Fact]
    public async Task Hub_killed_twenty_times_around_submission_and_dispatch_delivers_every_accepted_referral_and_nothing_uncommitted()
    {
        await using var hub = await HubProcess.StartAsync(new Dictionary<string, string>
        {
            ["Adapters:Agencies:0"] = Contracts.V1.AgencyCodes.Housing,
            ["Adapters:Agencies:1"] = Contracts.V1.AgencyCodes.Nhs,
            ["Adapters:Agencies:2"] = Contracts.V1.AgencyCodes.Dwp,
            ["Adapters:DefaultChannel"] = Adapters.Channels.Delivery.AdapterOptions.AmqpChannelName,
        });
        await using var deliveries = await LegDeliveries.ConsumeAsync(hub.VirtualHost, HubWithThreeAgenciesOnAmqp.Queues, Eventually.Patience);
        using var pa = hub.PersonalAdviser();
        var people = await Load.YoungPeopleAsync(pa, 10);
        var accepted = new ConcurrentBag<Guid>();
        var answers = new ConcurrentDictionary<string, int>();

        for (var kill = 1; kill <= Kills; kill++)
        {
            using var stop = new CancellationTokenSource();
            var due = accepted.Count + AcceptedBetweenKills;
            var submitting = Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                for (var i = client; !stop.IsCancellationRequested; i += Clients)
                {
                    answers.AddOrUpdate(await SubmitAsync(pa, people[i % people.Length], accepted), 1, (_, n) => n + 1);
                }
            })));
            await Eventually.WaitAsync(() => accepted.Count, n => n >= due, $"{AcceptedBetweenKills} more referrals accepted before kill {kill}");
            // The clients stop as the hub dies: what they send after the kill is no test of it.
            var killed = hub.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(killed, submitting);
            await hub.StartAsync();
        }

        var sent = accepted.ToHashSet();
        var count = await deliveries.SettleAsync(sent, Fault.Agencies.Length, TimeSpan.FromMinutes(2));
        var uncommitted = new List<Guid>();
        foreach (var referral in deliveries.Referrals().Except(sent))
        {
            using var response = await pa.GetAsync($"/api/referrals/{referral}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                uncommitted.Add(referral);
            }
        }

        var legs = sent.Count * Fault.Agencies.Length;
        Fault.Report(output, $"fault: hub kill -9 x{Kills} around submission and dispatch | answers {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key} x{a.Value}"))} | "
            + $"sent {sent.Count} referrals answered 202 ({legs} legs) | delivered {count.Delivered} | lost {legs - count.Delivered} | duplicated {count.Duplicated} | "
            + $"delivered from cut requests {count.Unexpected} legs, uncommitted {uncommitted.Count}");
        Assert.All(answers.Keys, answer => Assert.Contains(answer, new[] { "202", "cut" }));
        Assert.Equal((legs, 0), (count.Delivered, count.Duplicated));
        Assert.Empty(uncommitted);
    }

    /// <summary>One referral: its status, or "cut" when the hub died before it answered (committed or not, the client cannot tell).</summary>
    static async Task<string> SubmitAsync(HttpClient pa, Guid person, ConcurrentBag<Guid> accepted)
    {
        try
        {
            using var response = await pa.PostAsJsonAsync("/api/referrals", Scenario.ReferralOf(person, Fault.Agencies));
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add(await Scenario.IdOfAsync(response));
            }

            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return "cut";
        }
    }
}
