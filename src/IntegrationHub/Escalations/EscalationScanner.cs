using IntegrationHub.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Escalations;

/// <summary>Runs the escalation ladder every <see cref="EscalationOptions.ScanInterval"/>; any number of replicas may run it.</summary>
sealed class EscalationScanner(IServiceScopeFactory scopes, IOptions<EscalationOptions> options, TimeProvider clock, DependencyOutages outages, ILogger<EscalationScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pass = await scope.ServiceProvider.GetRequiredService<EscalationRunner>().RunAsync(stoppingToken);
                if (pass != new EscalationPass(0, 0, 0))
                {
                    logger.LogInformation("Escalation pass: {Raised} raised, {Moved} moved up, {Resolved} resolved", pass.Raised, pass.Moved, pass.Resolved);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outages.PassFailed(logger, ex, "The escalation pass");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
