using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace IntegrationHub.Messaging;

/// <summary>
/// Where to send to a named queue. On RabbitMQ the hub owns the queues it sends to: it declares
/// each one (durable, a quorum queue when configured, bound to its fanout exchange) before the
/// first send and then sends to the exchange, so a message is never sent before its queue exists
/// and the sender never redeclares a queue with arguments other than its consumer's. Every
/// declaration of a queue, at start-up or before a send, is made here, so all use the same arguments.
/// </summary>
public sealed class QueueAddresses(IOptions<BusOptions> options, ILogger<QueueAddresses> logger) : IDisposable
{
    readonly BusOptions bus = options.Value;
    readonly HashSet<string> declared = [];
    readonly HashSet<DirectBinding> bound = [];
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
    public Task DeclareAsync(string queue, CancellationToken cancellationToken) =>
        DeclareAsync(new Topology([queue], []), cancellationToken);

    /// <summary>
    /// Declares, on one connection, the queues and bindings this process has not declared yet.
    /// Declaring what already exists with the same arguments changes nothing, so every replica may.
    /// </summary>
    public async Task DeclareAsync(Topology topology, CancellationToken cancellationToken)
    {
        await declaring.WaitAsync(cancellationToken);
        try
        {
            var queues = topology.Queues.Where(q => !declared.Contains(q)).ToList();
            var bindings = topology.Bindings.Where(b => !bound.Contains(b)).ToList();
            if (queues.Count == 0 && bindings.Count == 0)
            {
                return;
            }

            var rabbit = bus.RabbitMq;
            await using var connection = await RabbitMqConnections.OpenAsync(rabbit, "topology", cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var arguments = rabbit.QuorumQueues ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
            foreach (var queue in queues)
            {
                await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
                await channel.QueueBindAsync(queue, queue, routingKey: "", cancellationToken: cancellationToken);
                declared.Add(queue);
                logger.LogInformation("Declared queue {Queue}", queue);
            }

            foreach (var binding in bindings)
            {
                await channel.ExchangeDeclareAsync(binding.Exchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.QueueBindAsync(binding.Queue, binding.Exchange, binding.RoutingKey, cancellationToken: cancellationToken);
                bound.Add(binding);
                logger.LogInformation("Bound {Exchange} to {Queue} by {RoutingKey}", binding.Exchange, binding.Queue, binding.RoutingKey);
            }
        }
        finally
        {
            declaring.Release();
        }
    }

    public void Dispose() => declaring.Dispose();
}
