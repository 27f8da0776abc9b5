using IntegrationHub.Testing;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>The hub's own PostgreSQL database, read beside it as an operator would.</summary>
public static class HubDatabase
{
    public static string ConnectionString(HubProcess hub) => $"{RealInfrastructure.PostgresServer};Database={hub.Database}";

    public static async Task<long> CountAsync(HubProcess hub, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(hub));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
