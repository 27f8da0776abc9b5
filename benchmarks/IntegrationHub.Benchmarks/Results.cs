namespace IntegrationHub.Benchmarks;

/// <summary>Everything one run measured.</summary>
public sealed record Results(
    DateTimeOffset At,
    bool Quick,
    AnchorFigures Raw,
    AnchorFigures MassTransit,
    HubFigures Hub,
    double HubPeakMegabytes,
    BoardTimes Board,
    TimeSpan Took);

/// <summary>One of the targets: what was measured against what, and whether it was met.</summary>
public sealed record Target(string Name, string Measured, string Limit, bool Met, string Shortfall);

/// <summary>The targets, each as a ratio measured in this run.</summary>
public static class Targets
{
    public const double ThroughputShare = 0.30;
    public const double LatencyMultiple = 10;
    public const double BoardMilliseconds = 300;
    public const double HubMegabytes = 250;

    public static IReadOnlyList<Target> Judge(Results r)
    {
        var targets = new List<Target>();
        var share = r.Hub.LegsPerSecond / r.Raw.MessagesPerSecond;
        targets.Add(new Target(
            "hub leg deliveries/s ÷ raw RabbitMQ messages/s",
            $"{share:P1} ({r.Hub.LegsPerSecond:N0} ÷ {r.Raw.MessagesPerSecond:N0}; {r.Hub.LegsPerSecond / r.MassTransit.MessagesPerSecond:P0} of bare MassTransit)",
            $"≥ {ThroughputShare:P0}",
            share >= ThroughputShare,
            $"needs {ThroughputShare / share:0.0}× its throughput: {ThroughputShare * r.Raw.MessagesPerSecond - r.Hub.LegsPerSecond:N0} more legs/s. "
                + $"Each leg published {r.Hub.BrokerMessagesPerLeg:0.0} messages to RabbitMQ: at the raw anchor's {r.Raw.MessagesPerSecond:N0} msgs/s, with the whole machine to itself, "
                + $"that is about {r.Raw.MessagesPerSecond / r.Hub.BrokerMessagesPerLeg:N0} legs/s ({1 / r.Hub.BrokerMessagesPerLeg:P0} of raw) even if the hub's and PostgreSQL's work cost nothing"));

        var multiple = r.Hub.Paced.P99 / r.Raw.Paced.P99;
        targets.Add(new Target(
            "hub p99 submit → delivered ÷ raw paced p99",
            $"{multiple:0.0}× ({r.Hub.Paced.P99:N0} ms ÷ {r.Raw.Paced.P99:0.0} ms)",
            $"≤ {LatencyMultiple:0}×",
            multiple <= LatencyMultiple,
            $"{multiple / LatencyMultiple:0.0}× the limit: p99 must fall by {r.Hub.Paced.P99 - (LatencyMultiple * r.Raw.Paced.P99):N0} ms"));

        var largest = r.Board.Legs[^1];
        foreach (var (query, ms) in r.Board.Milliseconds)
        {
            targets.Add(new Target(
                $"board {query} at {largest:N0} legs",
                $"{ms[^1]:N0} ms",
                $"< {BoardMilliseconds:0} ms",
                ms[^1] < BoardMilliseconds,
                $"{ms[^1] / BoardMilliseconds:0.00}× the limit: {ms[^1] - BoardMilliseconds:N0} ms too slow"));
            for (var i = 1; i < ms.Length; i++)
            {
                var data = (double)r.Board.Legs[i] / r.Board.Legs[i - 1];
                var time = ms[i] / ms[i - 1];
                targets.Add(new Target(
                    $"board {query}: {r.Board.Legs[i - 1]:N0} → {r.Board.Legs[i]:N0} legs ({data:0.#}× the data)",
                    $"{time:0.0}× the time",
                    $"≤ {data:0.#}×",
                    time <= data,
                    $"{time:0.0}× the time for {data:0.#}× the data"));
            }
        }

        targets.Add(new Target(
            "hub peak resident memory under the end-to-end load",
            $"{r.HubPeakMegabytes:N0} MB",
            $"< {HubMegabytes:0} MB",
            r.HubPeakMegabytes < HubMegabytes,
            $"{r.HubPeakMegabytes - HubMegabytes:N0} MB over"));
        return targets;
    }
}
