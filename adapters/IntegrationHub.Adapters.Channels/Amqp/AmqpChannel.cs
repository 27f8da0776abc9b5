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
public sealed class AmqpChannel(IOptions<BusOptions> bus, QueueAddresses queues) : IAgencyChannel, IAsyncDisposable
{
    readonly SemaphoreSlim connecting = new(1, 1);
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
        var open = await ConnectionAsync(cancellationToken);
        await using var channel = await open.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
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

        // With confirmation tracking, the publish returns only once the broker has the message.
        await channel.BasicPublishAsync(queue, routingKey: "", mandatory: true, properties, Encoding.UTF8.GetBytes(delivery.Document.Body), cancellationToken);
        return new DeliveryReceipt(ReceivedByAgency: false);
    }

    async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        await connecting.WaitAsync(cancellationToken);
        try
        {
            if (connection is { IsOpen: true })
            {
                return connection;
            }

            // A connection the broker closed would go on recovering beside its replacement: one more open connection per outage.
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            return connection = await RabbitMqConnections.OpenAsync(bus.Value.RabbitMq, "amqp-channel", cancellationToken);
        }
        finally
        {
            connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        connecting.Dispose();
    }
}
