using System.Text;
using RabbitMQ.Client;

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

    public static async Task<RawRabbit> ConnectAsync(string virtualHost)
    {
        var factory = new ConnectionFactory
        {
            HostName = RealInfrastructure.RabbitHost,
            Port = RealInfrastructure.RabbitPort,
            UserName = RealInfrastructure.RabbitUser,
            Password = RealInfrastructure.RabbitPassword,
            VirtualHost = virtualHost,
        };
        var connection = await factory.CreateConnectionAsync();
        return new RawRabbit(connection, await connection.CreateChannelAsync());
    }

    public async Task<RawMessage> WaitForMessageAsync(string queue, TimeSpan patience) =>
        (await Eventually.WaitAsync<RawMessage?>(() => TryGetAsync(queue), message => message is not null, $"a message on '{queue}'", patience))!;

    async Task<RawMessage?> TryGetAsync(string queue)
    {
        if (!await QueueExistsAsync(queue) || await channel.BasicGetAsync(queue, autoAck: true) is not { } message)
        {
            return null;
        }

        return new RawMessage(
            Encoding.UTF8.GetString(message.Body.Span),
            (message.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString()));
    }

    public async Task PublishAsync(string exchange, string routingKey, string json)
    {
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true };
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

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}

public sealed record RawMessage(string Body, IReadOnlyDictionary<string, string?> Headers)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) && value is not null
        ? value
        : throw new KeyNotFoundException($"The message has no '{name}' header; it has: {string.Join(", ", Headers.Keys)}.");
}
