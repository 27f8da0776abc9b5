using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.Persistence;

/// <summary>
/// Brings the hub's database to this version's schema: the EF Core migrations, then the data steps that follow them
/// (<see cref="LegBoardColumns"/>). The one way the schema changes, whether the hub does it as it starts
/// (<see cref="DatabaseMigrator"/>) or a deployment runs it once before the new version's replicas start (<see cref="MigrateCommand"/>).
/// </summary>
static class SchemaMigration
{
    public sealed record Applied(IReadOnlyList<string> Migrations, int FilledLegs);

    public static async Task<Applied> ApplyAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

        // EF Core takes the database's migration lock, so replicas starting together apply each migration once.
        await db.Database.MigrateAsync(cancellationToken);
        var filled = await LegBoardColumns.FillAsync(db, cancellationToken);
        return new Applied(pending, filled);
    }
}

/// <summary>Applies the migrations as the hub starts, unless <see cref="DatabaseOptions.MigrateOnStart"/> leaves them to the migrate command.</summary>
sealed class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applied = await SchemaMigration.ApplyAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), cancellationToken);
        logger.LogInformation("Database schema is current; applied {MigrationCount} migrations, filled the board's columns of {LegCount} earlier legs", applied.Migrations.Count, applied.FilledLegs);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Where the hub leaves the migrations to the migrate command: a database with no schema at all stops the start with
/// the step that was missed, rather than with the first feature's failed query; one a version behind starts, and is
/// kept out of service by <see cref="SchemaHealthCheck"/> until the command has run.
/// </summary>
sealed class MigratedDatabaseGuard(IServiceScopeFactory scopes, ILogger<MigratedDatabaseGuard> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        if (!(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                "The database has no schema and Database:MigrateOnStart is false: run `dotnet IntegrationHub.dll migrate` before starting the hub.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            logger.LogWarning("{MigrationCount} migrations are not applied yet: the hub is not ready until the migrate command has run", pending);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Ready only on a schema that has every migration of this version: a hub that does not migrate as it starts must not
/// serve before the migrate command has run. Migrations that a newer version applied and this one does not know are
/// not pending, so the replicas of the version before stay ready while an upgrade's migration runs.
/// </summary>
sealed class SchemaHealthCheck(HubDbContext db) : IHealthCheck
{
    public const string Name = "schema";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Every migration of this version is applied.")
            : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied yet (the first is {pending[0]}): run the hub's migrate command.");
    }
}
