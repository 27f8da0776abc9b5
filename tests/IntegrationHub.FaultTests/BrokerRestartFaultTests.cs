using System.Collections.Concurrent;
using System.Diagnostics;
using IntegrationHub.Testing;
using Xunit.Abstractions;

namespace IntegrationHub.FaultTests;

/// <summary>
/// The broker's application stopped and started again and again while referrals flow: every referral the hub accepted
/// reaches each of its agencies once, and every consumer is back on its queue soon after each restart.
/// </summary>
[Trait("Category", Fault.Category)]
public sealed class BrokerRestartFaultTests(HubWithThreeAgenciesOnAmqp hub, ITestOutputHelper output) : IClassFixture<HubWithThreeAgenciesOnAmqp>
{
    const int Referrals = 2000;
    const int Restarts = 10;
    static readonly TimeSpan ConsumersBackWithin = TimeSpan.FromSeconds(60);
    static readonly TimeSpan DeliveryPatience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Broker_restarted_ten_times_while_two_thousand_referrals_flow_loses_and_duplicates_no_leg()
    {
        using var pa = hub.PersonalAdviser();
        await using var deliveries = await LegDeliveries.ConsumeAsync(hub.VirtualHost, HubWithThreeAgenciesOnAmqp.Queues, Eventually.Patience);
        var people = await Load.YoungPeopleAsync(pa, 20);
        var consumed = await Broker.ConsumedQueuesAsync(hub.VirtualHost);
        var accepted = new ConcurrentBag<Guid>();

        var referring = Load.ReferAsync(pa, people, Referrals, concurrency: 8, accepted);
        var resumes = new List<TimeSpan>();
        for (var restart = 1; restart <= Restarts; restart++)
        {
            // Restarts spread over the referrals being made: the next once another tenth of them has been accepted.
            var due = restart * Referrals / (Restarts + 1);
            await Eventually.WaitAsync(() => accepted.Count, n => n >= due || referring.IsCompleted, $"{due} referrals accepted before restart {restart}", TimeSpan.FromMinutes(2));
            await RealInfrastructure.RabbitCtlAsync("stop_app");
            await RealInfrastructure.RabbitCtlAsync("start_app");
            var back = Stopwatch.StartNew();
            await Eventually.WaitAsync(
                () => Broker.ConsumedQueuesAsync(hub.VirtualHost), now => consumed.IsSubsetOf(now),
                $"a consumer on each of {string.Join(", ", consumed)} after restart {restart}", ConsumersBackWithin);
            resumes.Add(back.Elapsed);
        }

        await referring;
        var sent = accepted.ToHashSet();
        var count = await deliveries.SettleAsync(sent, Fault.Agencies.Length, DeliveryPatience);

        var legs = sent.Count * Fault.Agencies.Length;
        Fault.Report(output, $"fault: broker stop_app/start_app x{Restarts} | sent {sent.Count} referrals ({legs} legs) | delivered {count.Delivered} | "
            + $"lost {legs - count.Delivered} | duplicated {count.Duplicated} | unexpected {count.Unexpected} | longest resume {Fault.Seconds(resumes.Max())} | "
            + $"partner resubscribed {deliveries.Resubscriptions} times (last refusal: {deliveries.LastRefusal ?? "none"})");
        if (count.Delivered < legs)
        {
            Fault.Report(output, await Whereabouts.DescribeAsync(hub, hub.Errors));
        }

        Assert.Equal(Referrals, sent.Count);
        Assert.Equal((legs, 0, 0), (count.Delivered, count.Duplicated, count.Unexpected));
    }
}
