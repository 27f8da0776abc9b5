using System.Globalization;
using IntegrationHub.Testing;

namespace IntegrationHub.Benchmarks;

/// <summary>RabbitMQ's own count of the messages its clients have published to it (AMQP 0-9-1, every virtual host).</summary>
public static class BrokerMessages
{
    const string PublishedCounter = "maps:get(messages_received_total, maps:get([{protocol, amqp091}], rabbit_global_counters:overview())).";

    public static async Task<long> PublishedAsync() =>
        long.Parse((await RealInfrastructure.RabbitCtlAsync("eval", PublishedCounter)).Trim(), CultureInfo.InvariantCulture);
}
