using System.Threading.Channels;
using IntegrationHub.Testing;

namespace IntegrationHub.FaultTests;

/// <summary>
/// The agencies' side of a fault: a partner's consumer on each organisation's queue, acknowledging each referral once it
/// has it. A redelivery carries the message id it had, and a partner takes it as the same message; the same leg under
/// another message id would be a second effect.
/// </summary>
public sealed class LegDeliveries : IAsyncDisposable
{
    readonly RawRabbit partner;
    readonly List<ChannelReader<RawMessage>> readers = [];
    readonly Dictionary<Guid, (Guid Referral, HashSet<string> MessageIds)> legs = [];

    LegDeliveries(RawRabbit partner) => this.partner = partner;

    public static async Task<LegDeliveries> ConsumeAsync(string virtualHost, IEnumerable<string> queues, TimeSpan patience)
    {
        var deliveries = new LegDeliveries(await RawRabbit.ConnectAsync(virtualHost));
        foreach (var queue in queues)
        {
            await deliveries.partner.WaitForQueueAsync(queue, patience);
            deliveries.readers.Add(await deliveries.partner.ConsumeAsync(queue));
        }

        return deliveries;
    }

    /// <summary>The legs of these referrals delivered so far, the same leg delivered as two messages, and legs of no such referral.</summary>
    public Count CountFor(IReadOnlySet<Guid> referrals)
    {
        lock (legs)
        {
            Drain();
            return new Count(
                legs.Values.Count(l => referrals.Contains(l.Referral)),
                legs.Values.Count(l => l.MessageIds.Count > 1),
                legs.Values.Count(l => !referrals.Contains(l.Referral)));
        }
    }

    /// <summary>The referrals of every leg delivered so far.</summary>
    public IReadOnlySet<Guid> Referrals()
    {
        lock (legs)
        {
            Drain();
            return legs.Values.Select(l => l.Referral).ToHashSet();
        }
    }

    void Drain()
    {
        foreach (var reader in readers)
        {
            while (reader.TryRead(out var message))
            {
                var leg = Guid.Parse(message.Header("x-leg-id"));
                if (!legs.TryGetValue(leg, out var seen))
                {
                    legs[leg] = seen = (Guid.Parse(message.Header("x-referral-id")), []);
                }

                seen.MessageIds.Add(message.MessageId ?? throw new InvalidOperationException($"Leg {leg} was delivered without a message id."));
            }
        }
    }

    /// <summary>
    /// Waits until every leg of the referrals has arrived, or the patience runs out, and returns the count as it then
    /// stands: the caller reports it and asserts that nothing was lost.
    /// </summary>
    public async Task<Count> SettleAsync(IReadOnlySet<Guid> referrals, int legsEach, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var count = CountFor(referrals);
        while (count.Delivered < referrals.Count * legsEach && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            count = CountFor(referrals);
        }

        return count;
    }

    public ValueTask DisposeAsync() => partner.DisposeAsync();

    /// <param name="Delivered">Distinct legs of the referrals sent.</param>
    /// <param name="Duplicated">Legs delivered under more than one message id: two effects at the agency.</param>
    /// <param name="Unexpected">Legs of referrals the test was never told were accepted.</param>
    public sealed record Count(int Delivered, int Duplicated, int Unexpected);
}
