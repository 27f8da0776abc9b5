using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using IntegrationHub.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Operations;

/// <summary>How many dead-lettered messages an error queue may hold before readiness says so (<c>Health:ErrorQueues</c>).</summary>
public sealed class ErrorQueueHealthOptions
{
    public const string Section = "Health:ErrorQueues";

    /// <summary>Readiness is Degraded while any error queue holds more messages than this; by default, any at all.</summary>
    [Range(0, 1_000_000)]
    public int DepthWarning { get; set; }
}

/// <summary>
/// Readiness of the error queues on RabbitMQ: a message there failed every retry and waits for an operator
/// to mend the cause and replay it. Never worse than Degraded: the hub still serves, and taking it out of the
/// load balancer would not replay anything.
/// </summary>
sealed class ErrorQueueHealthCheck(ErrorQueues errors, IOptions<ErrorQueueHealthOptions> options) : IHealthCheck
{
    public const string Name = "error-queues";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var depths = await errors.DepthsAsync(cancellationToken);
        var waiting = depths.Where(d => d.Value > 0).ToList();
        if (waiting.Count == 0)
        {
            return HealthCheckResult.Healthy($"No failed message waits in the {depths.Count} error queues.");
        }

        var total = waiting.Sum(d => d.Value);
        var where = string.Join(", ", waiting.Select(d => $"{d.Key} {d.Value}"));
        var limit = options.Value.DepthWarning;
        var description = $"{total} {(total == 1 ? "message has" : "messages have")} failed every retry and {(total == 1 ? "waits" : "wait")} in error queues: {where}";
        return waiting.Any(d => d.Value > limit)
            ? HealthCheckResult.Degraded(
                $"{description}; more than the {limit} allowed in a queue ({ErrorQueueHealthOptions.Section}:{nameof(ErrorQueueHealthOptions.DepthWarning)}). " +
                "See why with GET /api/operations/error-queues/{queue}, and replay them there once the cause is mended.")
            : HealthCheckResult.Healthy($"{description}.");
    }
}

/// <summary>The gauge <c>hub.error_queue.depth</c>, by error queue: the figures of the readiness check.</summary>
sealed class ErrorQueueMetrics
{
    public ErrorQueueMetrics(ErrorQueues errors, IMeterFactory meters)
    {
        // The meter calls back synchronously, on the metric reader's own thread, once per export.
        meters.Create(HubTelemetry.Name).CreateObservableGauge(
            "hub.error_queue.depth",
            () => errors.DepthsAsync(CancellationToken.None).GetAwaiter().GetResult()
                .Select(d => new Measurement<long>(d.Value, new TagList { { "messaging.destination.name", d.Key } })),
            unit: "{message}",
            description: "Messages that failed every retry and wait in an error queue.");
    }
}
