using System.Collections.Concurrent;
using System.Text;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace IntegrationHub.Adapters.Channels.Amqp;

/// <summary>
/// Puts the agency's document, as plain JSON with no MassTransit envelope, on the receiving
/// organisation's own durable queue <c>agency-{agency}.{organisation}</c>, confirmed by the broker, so a
/// partner in any language can consume it with any AMQP client, and no organisation reads another's.
/// </summary>
/// <remarks>
/// Opening an AMQP channel costs a round trip of its own and the broker's work: deliveries reuse the channels that
/// earlier ones opened (as many as were ever in use at once), and a channel that met an error is closed, not reused.
/// </remarks>
public sealed class AmqpChannel(IOptions<BusOptions> bus, QueueAddresses queues) : IAgencyChannel, IAsyncDisposable
{
    static readonly CreateChannelOptions Confirmed = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    readonly SemaphoreSlim connecting = new(1, 1);
    readonly ConcurrentBag<IChannel> idle = [];
    IConnection? connection;

    public string Name => AdapterOptions.AmqpChannelName;

    public async Task<DeliveryReceipt> DeliverAsync(AgencyDelivery delivery, CancellationToken cancellationToken)
    {
        if (bus.Value.Transport != "RabbitMq")
        {
            throw new InvalidOperationException("The AMQP channel needs Bus:Transport=RabbitMq.");
        }

        var queue = Endpoints.AgencyQueue(delivery.Agency, delivery.Recipient.Code);
        await queues.DeclareAsync(queue, cancellationToken);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = delivery.Document.ContentType,
            ContentEncoding = "utf-8",
            MessageId = $"{delivery.LegId:N}-{delivery.Kind}",
            Type = delivery.Kind,
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?>
            {
                ["x-leg-id"] = delivery.LegId.ToString(),
                ["x-referral-id"] = delivery.ReferralId.ToString(),
                ["x-agency"] = delivery.Agency,
                ["x-recipient"] = delivery.Recipient.Code,
                ["x-kind"] = delivery.Kind,
            },
        };
        AmqpTraceContext.Inject(properties.Headers!);

        var channel = await RentAsync(cancellationToken);
        try
        {
            // With confirmation tracking, the publish returns only once the broker has the message.
            await channel.BasicPublishAsync(queue, routingKey: "", mandatory: true, properties, Encoding.UTF8.GetBytes(delivery.Document.Body), cancellationToken);
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }

        idle.Add(channel);
        return new DeliveryReceipt(ReceivedByAgency: false);
    }

    async Task<IChannel> RentAsync(CancellationToken cancellationToken)
    {
        while (idle.TryTake(out var channel))
        {
            if (channel.IsOpen)
            {
                return channel;
            }

            await channel.DisposeAsync();
        }

        var open = await ConnectionAsync(cancellationToken);
        return await open.CreateChannelAsync(Confirmed, cancellationToken);
    }

    async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        await connecting.WaitAsync(cancellationToken);
        try
        {
            return connection is { IsOpen: true } ? connection : connection = await RabbitMqConnections.OpenAsync(bus.Value.RabbitMq, "amqp-channel", cancellationToken);
        }
        finally
        {
            connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var channel))
        {
            await channel.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        connecting.Dispose();
    }
}
