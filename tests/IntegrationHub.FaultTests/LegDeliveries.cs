using System.Threading.Channels;
using IntegrationHub.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IntegrationHub.FaultTests;

/// <summary>
/// The agencies' side of a fault: a partner's consumer on each organisation's queue, acknowledging each referral once it
/// has it. A redelivery carries the message id it had, and a partner takes it as the same message; the same leg under
/// another message id would be a second effect.
/// </summary>
/// <remarks>
/// The partner keeps itself subscribed through a broker's restarts: when its connection drops, or the broker closes a
/// subscription or refuses one, it connects and subscribes to every queue afresh, until the test ends. It does not leave that to the client's automatic recovery: once, after ten broker restarts, the partner
/// had no consumer left on any of its queues, 3,430 legs waited there, and the test counted them lost.
/// </remarks>
public sealed class LegDeliveries : IAsyncDisposable
{
    readonly string virtualHost;
    readonly IReadOnlyList<string> queues;
    readonly Channel<RawMessage> received = Channel.CreateUnbounded<RawMessage>();
    readonly Dictionary<Guid, (Guid Referral, HashSet<string> MessageIds)> legs = [];
    readonly CancellationTokenSource stop = new();
    readonly TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    Task consuming = Task.CompletedTask;

    LegDeliveries(string virtualHost, IReadOnlyList<string> queues)
    {
        this.virtualHost = virtualHost;
        this.queues = queues;
    }

    /// <summary>How many times the partner connected and subscribed again after losing its consumers.</summary>
    public int Resubscriptions { get; private set; }

    /// <summary>Why the partner last failed to connect or subscribe (during an outage, the broker's answer), or null.</summary>
    public string? LastRefusal { get; private set; }

    public static async Task<LegDeliveries> ConsumeAsync(string virtualHost, IEnumerable<string> queues, TimeSpan patience)
    {
        await using (var rabbit = await RawRabbit.ConnectAsync(virtualHost))
        {
            foreach (var queue in queues)
            {
                await rabbit.WaitForQueueAsync(queue, patience);
            }
        }

        var deliveries = new LegDeliveries(virtualHost, [.. queues]);
        deliveries.consuming = deliveries.KeepSubscribedAsync();
        await deliveries.subscribed.Task.WaitAsync(patience);
        return deliveries;
    }

    async Task KeepSubscribedAsync()
    {
        var factory = RawRabbit.Factory(virtualHost);
        factory.AutomaticRecoveryEnabled = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ConsumeUntilLostAsync(factory);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception refusal)
            {
                // The broker is down or still starting: the partner tries again shortly, as a partner's consumer would.
                LastRefusal = refusal.Message;
                await Task.WhenAny(Task.Delay(TimeSpan.FromMilliseconds(250), stop.Token));
            }
        }
    }

    /// <summary>Connects, subscribes to every queue, and returns once the connection or any subscription is lost.</summary>
    async Task ConsumeUntilLostAsync(ConnectionFactory factory)
    {
        await using var connection = await factory.CreateConnectionAsync(stop.Token);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) => Lose(lost);
        foreach (var queue in queues)
        {
            await SubscribeAsync(connection, queue, lost);
        }

        if (!subscribed.TrySetResult())
        {
            Resubscriptions++;
        }

        await lost.Task.WaitAsync(stop.Token);
    }

    async Task SubscribeAsync(IConnection connection, string queue, TaskCompletionSource lost)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: stop.Token);
        // A channel the broker closes (e.g. a queue not available) or a consumer it cancels loses this subscription.
        channel.ChannelShutdownAsync += (_, _) => Lose(lost);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await received.Writer.WriteAsync(RawMessage.From(delivery.Body, delivery.BasicProperties));
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        consumer.UnregisteredAsync += (_, _) => Lose(lost);
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stop.Token);
    }

    static Task Lose(TaskCompletionSource lost)
    {
        lost.TrySetResult();
        return Task.CompletedTask;
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
        while (received.Reader.TryRead(out var message))
        {
            var leg = Guid.Parse(message.Header("x-leg-id"));
            if (!legs.TryGetValue(leg, out var seen))
            {
                legs[leg] = seen = (Guid.Parse(message.Header("x-referral-id")), []);
            }

            seen.MessageIds.Add(message.MessageId ?? throw new InvalidOperationException($"Leg {leg} was delivered without a message id."));
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

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await consuming;
        stop.Dispose();
    }

    /// <param name="Delivered">Distinct legs of the referrals sent.</param>
    /// <param name="Duplicated">Legs delivered under more than one message id: two effects at the agency.</param>
    /// <param name="Unexpected">Legs of referrals the test was never told were accepted.</param>
    public sealed record Count(int Delivered, int Duplicated, int Unexpected);
}
