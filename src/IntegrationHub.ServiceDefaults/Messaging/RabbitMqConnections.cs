using RabbitMQ.Client;

namespace IntegrationHub.Messaging;

/// <summary>Plain RabbitMQ.Client connections, for the topology and operations work MassTransit does not do.</summary>
public static class RabbitMqConnections
{
    public static Task<IConnection> OpenAsync(RabbitMqOptions rabbit, string purpose, CancellationToken cancellationToken) =>
        new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            ClientProvidedName = $"care-leaver-hub-{purpose}",
        }.CreateConnectionAsync(cancellationToken);
}
