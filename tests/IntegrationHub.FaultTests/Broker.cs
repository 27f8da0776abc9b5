using IntegrationHub.Testing;

namespace IntegrationHub.FaultTests;

/// <summary>The test script's RabbitMQ node as an operator sees it with rabbitmqctl.</summary>
public static class Broker
{
    /// <summary>The durable queues of the virtual host that have a consumer now.</summary>
    public static async Task<IReadOnlySet<string>> ConsumedQueuesAsync(string virtualHost) =>
        (await QueuesAsync(virtualHost, "consumers")).Where(q => q.Durable && q.Value > 0).Select(q => q.Name).ToHashSet();

    /// <summary>How many messages wait on each error queue of the virtual host.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ErrorQueueDepthsAsync(string virtualHost) =>
        (await QueuesAsync(virtualHost, "messages")).Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal)).ToDictionary(q => q.Name, q => q.Value);

    static async Task<IEnumerable<(string Name, bool Durable, long Value)>> QueuesAsync(string virtualHost, string column)
    {
        var table = await RealInfrastructure.RabbitCtlAsync("list_queues", "-p", virtualHost, "--quiet", "--no-table-headers", "name", "durable", column);
        return table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Select(cells => (cells[0], cells[1] == "true", long.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
