using IntegrationHub.Testing;
using IntegrationHub.Tests.Security.AccessMatrix;
using IntegrationHub.Tests.Security.Hostile;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace IntegrationHub.IntegrationTests.Hostile;

/// <summary>Hostile input changes nothing, on the real PostgreSQL: the same requests as on SQLite, about the same world.</summary>
public sealed class PostgresHostileInputTests(PostgresMatrixHub hub, ITestOutputHelper output) : HostileInputSpecification(hub, output), IClassFixture<PostgresMatrixHub>;

/// <summary>
/// The access matrix's hub and world on a PostgreSQL database of its own, dropped afterwards. The bus stays in memory:
/// a hostile request must be refused before anything is sent, and the broker has no part in that.
/// </summary>
public sealed class PostgresMatrixHub : MatrixHub
{
    readonly string database = $"hub_hostile_{Guid.NewGuid():N}"[..24];

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", $"{RealInfrastructure.PostgresServer};Database={database}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await RealInfrastructure.DropDatabaseAsync(database);
    }
}
