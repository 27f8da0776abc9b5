using IntegrationHub.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Board.Decisions;

/// <summary>Runs <see cref="OverdueActions"/> every <see cref="BoardMeetingOptions.ScanInterval"/>; any number of replicas may run it.</summary>
sealed class OverdueActionsScanner(IServiceScopeFactory scopes, IOptions<BoardMeetingOptions> options, TimeProvider clock, DependencyOutages outages, ILogger<OverdueActionsScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OverdueActions>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outages.PassFailed(logger, ex, "The board's overdue actions pass");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
