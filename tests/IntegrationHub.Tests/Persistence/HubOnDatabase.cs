using IntegrationHub.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// A SQLite database file that outlives the hubs on it, as a deployment's database outlives its replicas:
/// several <see cref="HubOnDatabase"/>s (replicas) and the migrate command can share it. Deleted when disposed,
/// after the hubs on it are.
/// </summary>
public sealed class SharedDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hub-shared-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    /// <summary>A context on the database of its own, as a tool beside the hub would open one (e.g. to migrate it).</summary>
    public SqliteHubDbContext Open() =>
        new SqliteHubDbContext(new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite(ConnectionString).Options).For<SqliteHubDbContext>(new TenantScope());

    public void Dispose() => HubFactory.DeleteSqliteFile(Path);
}

/// <summary>
/// One replica of the hub on a <see cref="SharedDatabase"/>, with the settings every replica of a deployment shares
/// (the local tokens' signing key among them).
/// </summary>
public class HubOnDatabase(SharedDatabase database, bool migrateOnStart = true, IReadOnlyDictionary<string, string>? settings = null) : HubFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", migrateOnStart ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
