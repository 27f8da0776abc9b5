using System.Text;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace IntegrationHub.Operations;

/// <summary>
/// The hub's dead-lettered messages: MassTransit moves a message that failed every retry to
/// <c>{queue}_error</c> with the exception in its <c>MT-Fault-*</c> headers. An operator can list
/// them (headers only: bodies hold personal data) and replay them once the cause is mended.
/// </summary>
public sealed class ErrorQueues(IOptions<BusOptions> bus, ILogger<ErrorQueues> logger)
{
    /// <summary>The queues whose failures can be replayed: the hub's own and the agencies'.</summary>
    public static IReadOnlyList<string> Queues { get; } = [Endpoints.LegAnswersQueue, .. AgencyCodes.All.Select(Endpoints.AdapterQueue), .. AgencyCodes.All.Select(Endpoints.AgencyAnswersQueue)];

    public bool IsAvailable => bus.Value.Transport == "RabbitMq";

    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(string queue, int max, CancellationToken cancellationToken)
    {
        await using var connection = await RabbitMqConnections.OpenAsync(bus.Value.RabbitMq, "operations", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var letters = new List<DeadLetter>();
        if (!await ExistsAsync(connection, ErrorQueue(queue), cancellationToken))
        {
            return letters;
        }

        // Fetched without acknowledgement and released when the channel closes: peeking changes nothing.
        while (letters.Count < max && await channel.BasicGetAsync(ErrorQueue(queue), autoAck: false, cancellationToken) is { } message)
        {
            letters.Add(DeadLetter.From(message));
        }

        return letters;
    }

    /// <summary>Moves up to <paramref name="max"/> messages back to their queue, each confirmed by the broker before it leaves the error queue.</summary>
    public async Task<int> ReplayAsync(string queue, int max, CancellationToken cancellationToken)
    {
        await using var connection = await RabbitMqConnections.OpenAsync(bus.Value.RabbitMq, "operations", cancellationToken);
        if (!await ExistsAsync(connection, ErrorQueue(queue), cancellationToken))
        {
            return 0;
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var replayed = 0;
        while (replayed < max && await channel.BasicGetAsync(ErrorQueue(queue), autoAck: false, cancellationToken) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            await channel.BasicPublishAsync(queue, routingKey: "", mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }

        logger.LogInformation("Replayed {Count} messages from {Queue}", replayed, ErrorQueue(queue));
        return replayed;
    }

    /// <summary>How many messages each error queue (<c>{queue}_error</c>) holds; one not declared yet holds none.</summary>
    public async Task<IReadOnlyDictionary<string, uint>> DepthsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await RabbitMqConnections.OpenAsync(bus.Value.RabbitMq, "operations", cancellationToken);
        var depths = new Dictionary<string, uint>();
        foreach (var queue in Queues)
        {
            depths[ErrorQueue(queue)] = await DepthAsync(connection, ErrorQueue(queue), cancellationToken) ?? 0;
        }

        return depths;
    }

    static string ErrorQueue(string queue) => $"{queue}_error";

    static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken) =>
        await DepthAsync(connection, queue, cancellationToken) is not null;

    /// <summary>The messages on the queue, or null when it does not exist.</summary>
    static async Task<uint?> DepthAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel, so it asks on a channel of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await probe.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return null;
        }
    }
}

/// <summary>What an operator sees of a dead-lettered message: why it failed, never its content.</summary>
public sealed record DeadLetter(string? MessageId, string? MessageType, string? FaultReason, string? FaultExceptionType, string? FaultedAt)
{
    internal static DeadLetter From(BasicGetResult message)
    {
        string? Header(string name) =>
            message.BasicProperties.Headers?.TryGetValue(name, out var value) == true
                ? value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString()
                : null;
        return new DeadLetter(
            message.BasicProperties.MessageId,
            Header("MT-Fault-MessageType") ?? Header("Content-Type"),
            Header("MT-Fault-Message"),
            Header("MT-Fault-ExceptionType"),
            Header("MT-Fault-Timestamp"));
    }
}
