using System.Buffers.Binary;
using System.Text;
using IntegrationHub.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IntegrationHub.Benchmarks;

/// <summary>
/// The bus's own limit: RabbitMQ.Client alone, persistent 2 KB messages on a quorum queue, each publish awaiting its
/// publisher confirm and each delivery acknowledged by hand, publisher and consumer on connections of their own.
/// </summary>
public sealed class RawRabbitPipe : IMessagePipe
{
    const string Queue = "bench-raw";
    const ushort Prefetch = 250;

    static readonly ReadOnlyMemory<byte> Body = Encoding.UTF8.GetBytes(Anchor.Payload);

    readonly BenchVirtualHost virtualHost;
    readonly IConnection publishing;
    readonly IConnection consuming;
    readonly IChannel publisher;

    RawRabbitPipe(BenchVirtualHost virtualHost, IConnection publishing, IConnection consuming, IChannel publisher) =>
        (this.virtualHost, this.publishing, this.consuming, this.publisher) = (virtualHost, publishing, consuming, publisher);

    public static async Task<IMessagePipe> OpenAsync(Arrivals arrivals)
    {
        var virtualHost = await BenchVirtualHost.CreateAsync("raw");
        var factory = new ConnectionFactory
        {
            HostName = RealInfrastructure.RabbitHost,
            Port = RealInfrastructure.RabbitPort,
            UserName = RealInfrastructure.RabbitUser,
            Password = RealInfrastructure.RabbitPassword,
            VirtualHost = virtualHost.Name,
        };
        var publishing = await factory.CreateConnectionAsync();
        var consuming = await factory.CreateConnectionAsync();
        var publisher = await publishing.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await publisher.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });

        var consumer = await consuming.CreateChannelAsync();
        await consumer.BasicQosAsync(0, Prefetch, global: false);
        var receiver = new AsyncEventingBasicConsumer(consumer);
        receiver.ReceivedAsync += async (_, delivery) =>
        {
            arrivals.Arrived(BinaryPrimitives.ReadInt64LittleEndian((byte[])delivery.BasicProperties.Headers!["sent-at"]!));
            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await consumer.BasicConsumeAsync(Queue, autoAck: false, receiver);
        return new RawRabbitPipe(virtualHost, publishing, consuming, publisher);
    }

    public async Task PublishAsync(long sentAt)
    {
        var stamp = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(stamp, sentAt);
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json", Headers = new Dictionary<string, object?> { ["sent-at"] = stamp } };
        await publisher.BasicPublishAsync(string.Empty, Queue, mandatory: false, properties, Body);
    }

    public async ValueTask DisposeAsync()
    {
        await publisher.DisposeAsync();
        await publishing.DisposeAsync();
        await consuming.DisposeAsync();
        await virtualHost.DisposeAsync();
    }
}
