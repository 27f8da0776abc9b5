using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Messaging;
using IntegrationHub.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Channels.Amqp;

/// <summary>
/// Declares, at start-up, the AMQP topology of every agency this process has a format for, whichever
/// adapters it runs: each agency's answers queue, and the documents queue of every organisation of the
/// agency directory whose channel is AMQP. A partner may start its consumer, or publish an answer,
/// before anything has been delivered to it, and an answer published while no adapter runs waits on its
/// queue instead of being dropped as unroutable.
/// A broker that is down does not stop start-up: the declaration is retried, with growing delays,
/// in the background, and until it succeeds this check keeps the process not ready.
/// </summary>
public sealed class AgencyTopologyDeclaration(
    AgencyDefinitions agencies,
    IOptions<AgencyDirectoryOptions> directory,
    IOptions<AdapterOptions> adapters,
    QueueAddresses queues,
    DependencyOutages outages,
    ILogger<AgencyTopologyDeclaration> logger) : BackgroundService, IHealthCheck
{
    public const string HealthCheckName = "rabbitmq-topology";
    static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    readonly Topology topology = AgencyTopology.For(
        agencies.Codes,
        directory.Value.Distinct
            .Where(e => adapters.Value.For(e.Organisation.Code, agencies.For(e.Agency).DefaultChannel).Channel == AdapterOptions.AmqpChannelName)
            .Select(e => (e.Agency, e.Organisation.Code)));
    readonly TaskCompletionSource declared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    volatile string? lastFailure;

    /// <summary>Completes once every queue, exchange and binding of the agency topology exists.</summary>
    public Task Declared => declared.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !declared.Task.IsCompleted; attempt++)
        {
            try
            {
                await queues.DeclareAsync(topology, stoppingToken);
                declared.SetResult();
                logger.LogInformation("Declared the agency topology: {Queues} queues, {Bindings} bindings",
                    topology.Queues.Count, topology.Bindings.Count);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt), MaxRetryDelay.TotalSeconds));
                lastFailure = ex.Message;
                if (outages.Met(ex, "declaring the agency topology") is null)
                {
                    logger.LogWarning(ex, "Declaring the agency topology failed on attempt {Attempt}; next try in {Delay}", attempt, delay);
                }

                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(declared.Task.IsCompleted
            ? HealthCheckResult.Healthy($"{topology.Queues.Count} agency queues and {topology.Bindings.Count} answer bindings declared.")
            : HealthCheckResult.Unhealthy(lastFailure is null
                ? "The agency queues are being declared."
                : $"The agency queues are not declared yet: {lastFailure}"));
}
