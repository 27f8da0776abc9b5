using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace IntegrationHub.Messaging;

/// <summary>
/// Where to send to a named queue. On RabbitMQ the hub owns the queues it sends to: it declares
/// each one (durable, a quorum queue when configured, bound to its fanout exchange) before the
/// first send and then sends to the exchange, so a message is never sent before its queue exists
/// and the sender never redeclares a queue with arguments other than its consumer's.
/// </summary>
public sealed class QueueAddresses(IOptions<BusOptions> options, ILogger<QueueAddresses> logger) : IDisposable
{
    readonly BusOptions bus = options.Value;
    readonly HashSet<string> declared = [];
    readonly SemaphoreSlim declaring = new(1, 1);

    public async Task<Uri> ForAsync(string queue, CancellationToken cancellationToken)
    {
        if (bus.Transport != "RabbitMq")
        {
            return new Uri($"queue:{queue}");
        }

        await DeclareAsync(queue, cancellationToken);
        return new Uri($"exchange:{queue}");
    }

    /// <summary>Declares the queue and its same-named fanout exchange once per process.</summary>
    public async Task DeclareAsync(string queue, CancellationToken cancellationToken)
    {
        await declaring.WaitAsync(cancellationToken);
        try
        {
            if (declared.Contains(queue))
            {
                return;
            }

            var rabbit = bus.RabbitMq;
            await using var connection = await RabbitMqConnections.OpenAsync(rabbit, "topology", cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var arguments = rabbit.QuorumQueues ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, routingKey: "", cancellationToken: cancellationToken);
            declared.Add(queue);
            logger.LogInformation("Declared queue {Queue}", queue);
        }
        finally
        {
            declaring.Release();
        }
    }

    public void Dispose() => declaring.Dispose();
}
