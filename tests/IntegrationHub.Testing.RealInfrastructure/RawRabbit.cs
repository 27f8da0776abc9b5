using System.Text;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IntegrationHub.Testing;

/// <summary>A plain RabbitMQ.Client connection, to look at queues the way an operator or a partner would.</summary>
public sealed class RawRabbit : IAsyncDisposable
{
    readonly IConnection connection;
    readonly IChannel channel;

    RawRabbit(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    /// <summary>Connects as the test script's administrator, or as <paramref name="user"/> (a partner organisation's own user).</summary>
    public static async Task<RawRabbit> ConnectAsync(string virtualHost, string? user = null, string? password = null)
    {
        var connection = await Factory(virtualHost, user, password).CreateConnectionAsync();
        return new RawRabbit(connection, await connection.CreateChannelAsync());
    }

    /// <summary>Connections to the test script's broker, as its administrator or as <paramref name="user"/>.</summary>
    public static ConnectionFactory Factory(string virtualHost, string? user = null, string? password = null) => new()
    {
        HostName = RealInfrastructure.RabbitHost,
        Port = RealInfrastructure.RabbitPort,
        UserName = user ?? RealInfrastructure.RabbitUser,
        Password = password ?? RealInfrastructure.RabbitPassword,
        VirtualHost = virtualHost,
    };

    public async Task<RawMessage> WaitForMessageAsync(string queue, TimeSpan patience) =>
        (await Eventually.WaitAsync<RawMessage?>(() => TryGetAsync(queue), message => message is not null, $"a message on '{queue}'", patience))!;

    /// <summary>Takes messages off the queue until one matches, as a partner's consumer would read past others' work.</summary>
    public async Task<RawMessage> WaitForMessageAsync(string queue, Func<RawMessage, bool> match, string what, TimeSpan patience) =>
        (await Eventually.WaitAsync<RawMessage?>(() => TryGetAsync(queue), message => message is not null && match(message), what, patience))!;

    /// <summary>Waits for a queue someone else declares, e.g. an organisation's queue the adapters declare after start-up.</summary>
    public Task WaitForQueueAsync(string queue, TimeSpan patience) =>
        Eventually.WaitAsync(() => QueueExistsAsync(queue), exists => exists, $"queue '{queue}' to be declared", patience);

    async Task<RawMessage?> TryGetAsync(string queue) =>
        await QueueExistsAsync(queue) && await channel.BasicGetAsync(queue, autoAck: true) is { } message
            ? RawMessage.From(message.Body, message.BasicProperties)
            : null;

    /// <summary>
    /// Consumes the queue as a partner's long-running consumer does, from the moment it is called:
    /// a queue that does not exist fails at once, as it would for the partner.
    /// </summary>
    public async Task<ChannelReader<RawMessage>> ConsumeAsync(string queue)
    {
        var consumerChannel = await ChannelAsync();
        var received = System.Threading.Channels.Channel.CreateUnbounded<RawMessage>();
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await received.Writer.WriteAsync(RawMessage.From(delivery.Body, delivery.BasicProperties));
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);
        return received.Reader;
    }

    /// <summary>A channel of its own, for a check that closes its channel when it fails (a passive or a mismatched declare).</summary>
    public Task<IChannel> ChannelAsync(CreateChannelOptions? options = null) => connection.CreateChannelAsync(options);

    /// <summary>Publishes as a partner does; with <paramref name="userId"/>, the <c>user_id</c> property RabbitMQ checks against the connection's user.</summary>
    public async Task PublishAsync(string exchange, string routingKey, string json, string? userId = null, IDictionary<string, object?>? headers = null)
    {
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true, UserId = userId, Headers = headers };
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, Encoding.UTF8.GetBytes(json));
    }

    async Task<bool> QueueExistsAsync(string queue)
    {
        // A passive declare of a missing queue closes the channel, so ask on a throwaway one.
        await using var probe = await connection.CreateChannelAsync();
        try
        {
            await probe.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>How many messages wait on the queue, ready to be delivered.</summary>
    public async Task<uint> DepthAsync(string queue)
    {
        await using var probe = await connection.CreateChannelAsync();
        return (await probe.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}

/// <param name="MessageId">The AMQP message id: a redelivery carries the same one, so a partner counts it as one message.</param>
public sealed record RawMessage(string Body, IReadOnlyDictionary<string, string?> Headers, string? MessageId = null)
{
    public static RawMessage From(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties properties) => new(
        Encoding.UTF8.GetString(body.Span),
        (properties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
            h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString()),
        properties.MessageId);

    public string Header(string name) => Headers.TryGetValue(name, out var value) && value is not null
        ? value
        : throw new KeyNotFoundException($"The message has no '{name}' header; it has: {string.Join(", ", Headers.Keys)}.");
}
