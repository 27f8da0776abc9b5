using System.Data.Common;
using Npgsql;

namespace IntegrationHub.Persistence;

/// <summary>The hub's PostgreSQL connection string, with Npgsql's pooling tuned for its many short transactions.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// Statements a pooled connection has run five times are prepared on it, so PostgreSQL stops parsing and planning
    /// them anew (the hub runs the same few dozen statements for every referral and answer); and a connection handed back
    /// to the pool is not reset with <c>DISCARD ALL</c>, which cost a statement per borrowing and would drop those prepared
    /// statements. The hub leaves nothing on a connection to reset: it sets settings only for a transaction (<c>SET LOCAL</c>)
    /// and takes advisory locks only for one (<c>pg_advisory_xact_lock</c>). A connection string that sets either itself keeps its own.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        // Npgsql's own builder holds every keyword, set or not: the string as written says which ones it sets.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!written.Contains(nameof(NpgsqlConnectionStringBuilder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
