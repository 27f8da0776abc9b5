using IntegrationHub.Testing;

namespace IntegrationHub.IntegrationTests.Board;

/// <summary>A database of its own on the tests' PostgreSQL server, named from <paramref name="prefix"/>, for one data set's hub.</summary>
public sealed class OwnPostgresDatabase(string prefix)
{
    public string Name { get; } = $"{prefix}_{Guid.NewGuid():N}"[..24];

    /// <summary>The hub's settings for a PostgreSQL database of this name.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = $"{RealInfrastructure.PostgresServer};Database={Name}",
    };

    public Task DropAsync() => RealInfrastructure.DropDatabaseAsync(Name);
}
