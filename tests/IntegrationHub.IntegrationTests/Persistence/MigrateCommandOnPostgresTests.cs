using IntegrationHub.IntegrationTests.ServiceDefaults;
using IntegrationHub.Testing;
using IntegrationHub.Tests.Persistence;

namespace IntegrationHub.IntegrationTests.Persistence;

/// <summary>
/// An upgrade as a deployment runs it on PostgreSQL: the migrate command first, as a job of its own, on a new
/// database; then the hub's replicas, which do not migrate as they start, are ready on the schema it made.
/// </summary>
public sealed class MigrateCommandOnPostgresTests(MigrateCommandOnPostgresTests.HubThatDoesNotMigrate hub) : IClassFixture<MigrateCommandOnPostgresTests.HubThatDoesNotMigrate>
{
    [Fact]
    public async Task Migrate_makes_a_new_databases_schema_and_a_hub_that_does_not_migrate_on_start_is_ready_on_it()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"{RealInfrastructure.PostgresServer};Database={hub.Database}",
        };

        var first = await HubCommand.RunAsync("migrate", environment);
        var second = await HubCommand.RunAsync("migrate", environment);
        using var client = hub.CreateClient();
        var ready = await HubReadiness.ReadyAsync(client);

        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains(first.OutputLines, l => l.StartsWith("migrate: applied ", StringComparison.Ordinal) && l.Contains(" migrations to the Postgres database (", StringComparison.Ordinal));
        Assert.Equal(0, second.Exit);
        Assert.Contains("migrate: the Postgres database's schema was already current.", second.OutputLines);
        Assert.Contains(ready.Checks, c => c is { Name: "schema", Status: "Healthy" });
    }

    public sealed class HubThatDoesNotMigrate : HubOnRealInfrastructure
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Database:MigrateOnStart"] = "false" };
    }
}
