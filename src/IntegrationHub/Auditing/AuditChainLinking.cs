using IntegrationHub.Persistence;
using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Auditing;

/// <summary>
/// Links audit entries into their chains moments after they are committed: woken by each commit on this replica, and every
/// <see cref="CatchUpEvery"/> for entries that a replica committed and could not link before it stopped.
/// Any number of replicas may run it: an entry is linked once, by whichever holds its chain first.
/// </summary>
sealed class AuditChainLinking(
    IServiceScopeFactory scopes, AuditChainSignal signal, DependencyOutages outages, ILogger<AuditChainLinking> logger) : BackgroundService
{
    static readonly TimeSpan CatchUpEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LinkWaitingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outages.PassFailed(logger, ex, "Linking audit entries into their chains");
            }

            await signal.WaitAsync(CatchUpEvery, stoppingToken);
        }
    }

    async Task LinkWaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SpanAllTenants("linking the audit chains");
        var linker = scope.ServiceProvider.GetRequiredService<AuditChainLinker>();
        foreach (var tenantId in await linker.WaitingTenantsAsync(cancellationToken))
        {
            await linker.LinkAsync(tenantId, cancellationToken);
        }
    }
}
