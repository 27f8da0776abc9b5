using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using static IntegrationHub.ServiceDefaults.ServiceDefaultsExtensions;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// <c>dotnet IntegrationHub.dll migrate</c>, the schema step a deployment runs before its replicas start, and the
/// readiness of a hub that leaves the migrations to it (<c>Database:MigrateOnStart</c> false).
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_applies_every_migration_to_an_empty_database_exits_0_and_a_second_run_finds_nothing_to_do()
    {
        using var database = new SharedDatabase();

        var first = await MigrateAsync("Sqlite", database.ConnectionString);
        var second = await MigrateAsync("Sqlite", database.ConnectionString);

        Assert.Equal((0, ""), (first.Exit, first.Error));
        var migrations = await AllMigrationsAsync(database);
        Assert.Contains($"migrate: applied {migrations.Count} migrations to the Sqlite database ({string.Join(", ", migrations)})", first.Output, StringComparison.Ordinal);
        Assert.Equal((0, "migrate: the Sqlite database's schema was already current.", ""), (second.Exit, second.Output.Trim(), second.Error));
        Assert.Empty(await PendingMigrationsAsync(database));
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_exits_1_naming_the_setting()
    {
        var run = await MigrateAsync("Postgres", "");

        Assert.Equal(1, run.Exit);
        Assert.Empty(run.Output);
        Assert.Contains("migrate: the schema was not brought up to date:", run.Error, StringComparison.Ordinal);
        Assert.Contains("Database:ConnectionString is required.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_on_a_database_it_cannot_open_exits_1_with_the_databases_reason()
    {
        var unreachable = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "hub.db");

        var run = await MigrateAsync("Sqlite", $"Data Source={unreachable};Mode=ReadWrite");

        Assert.Equal(1, run.Exit);
        Assert.Contains("migrate: the schema was not brought up to date: SQLite Error 14: 'unable to open database file'.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(unreachable));
    }

    [Fact]
    public async Task The_hubs_assembly_run_with_migrate_in_production_brings_the_database_up_to_date_and_exits_0()
    {
        using var database = new SharedDatabase();

        var run = await HubCommand.RunAsync("migrate", new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = database.ConnectionString,
        });

        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains(run.OutputLines, l => l.StartsWith("migrate: applied ", StringComparison.Ordinal));
        Assert.Empty(await PendingMigrationsAsync(database));
    }

    [Fact]
    public async Task The_hubs_assembly_in_production_has_no_database_of_its_own_to_migrate()
    {
        var run = await HubCommand.RunAsync("migrate", new Dictionary<string, string> { ["Database__Provider"] = "Postgres" });

        Assert.Equal(1, run.Exit);
        Assert.Contains("Database:ConnectionString is required.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_that_does_not_migrate_on_start_is_not_ready_while_the_newest_migration_is_pending_and_is_once_migrate_has_run()
    {
        using var database = new SharedDatabase();
        var migrations = await AllMigrationsAsync(database);
        await using (var previousVersion = database.Open())
        {
            await previousVersion.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        await using var hub = new HubOnDatabase(database, migrateOnStart: false);
        await hub.InitializeAsync();
        using var probe = hub.CreateClient();

        var before = await ReadinessAsync(probe);
        var migrated = await MigrateAsync("Sqlite", database.ConnectionString);
        var after = await ReadinessAsync(probe);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.Status);
        Assert.Contains(before.Readiness.Checks, c => c is { Name: "schema", Status: "Unhealthy" }
            && c.Description == $"1 migrations are not applied yet (the first is {migrations[^1]}): run the hub's migrate command.");
        Assert.Equal(0, migrated.Exit);
        Assert.Contains($"applied 1 migrations to the Sqlite database ({migrations[^1]})", migrated.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Contains(after.Readiness.Checks, c => c is { Name: "schema", Status: "Healthy" });
    }

    [Fact]
    public async Task Hub_that_does_not_migrate_on_start_will_not_start_on_a_database_without_a_schema()
    {
        using var database = new SharedDatabase();
        await using var hub = new HubOnDatabase(database, migrateOnStart: false);

        var failure = await Assert.ThrowsAnyAsync<Exception>(hub.InitializeAsync);

        Assert.Contains("The database has no schema and Database:MigrateOnStart is false: run `dotnet IntegrationHub.dll migrate` before starting the hub.", failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(await AllMigrationsAsync(database), await PendingMigrationsAsync(database));
    }

    [Fact]
    public async Task Hub_that_migrates_on_start_is_ready_with_a_current_schema()
    {
        using var database = new SharedDatabase();
        await using var hub = new HubOnDatabase(database);
        await hub.InitializeAsync();
        using var probe = hub.CreateClient();

        var ready = await ReadinessAsync(probe);

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Contains(ready.Readiness.Checks, c => c is { Name: "schema", Status: "Healthy", Description: "Every migration of this version is applied." });
        Assert.Empty(await PendingMigrationsAsync(database));
    }

    /// <summary>The command as <c>Program</c> runs it, on the settings a deployment's environment gives.</summary>
    static async Task<(int Exit, string Output, string Error)> MigrateAsync(string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["migrate"], EnvironmentName = HubEnvironments.Testing });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await MigrateCommand.RunAsync(builder, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    static async Task<(HttpStatusCode Status, Readiness Readiness)> ReadinessAsync(HttpClient probe)
    {
        using var response = await probe.GetAsync("/health/ready");
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<Readiness>())!);
    }

    static async Task<List<string>> AllMigrationsAsync(SharedDatabase database)
    {
        await using var db = database.Open();
        return [.. db.Database.GetMigrations()];
    }

    static async Task<List<string>> PendingMigrationsAsync(SharedDatabase database)
    {
        await using var db = database.Open();
        return [.. await db.Database.GetPendingMigrationsAsync()];
    }
}
