using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>A statement as <c>pg_stat_statements</c> counts it in the hub's database: how often it ran and for how long in all.</summary>
public sealed record SqlStatement(string Query, long Calls, double Milliseconds);

/// <summary>
/// The SQL the hub's database ran while a measurement ran, from <c>pg_stat_statements</c> (which <c>run.sh</c> has
/// PostgreSQL load): how many statements, and those that took the most of its time. Statements per leg are the round
/// trips a leg costs; the costliest say where PostgreSQL's share of the cores went.
/// </summary>
public sealed partial record SqlProfile(long Statements, IReadOnlyList<SqlStatement> Costliest, IReadOnlyList<SqlStatement> Commonest)
{
    const int Listed = 10;

    public static async Task<IReadOnlyDictionary<long, SqlStatement>> StatementsAsync(HubProcess hub)
    {
        await using var connection = new NpgsqlConnection(HubDatabase.ConnectionString(hub));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            "SELECT queryid, query, calls, total_exec_time FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database() AND queryid IS NOT NULL",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var statements = new Dictionary<long, SqlStatement>();
        while (await reader.ReadAsync())
        {
            statements[reader.GetInt64(0)] = new SqlStatement(reader.GetString(1), reader.GetInt64(2), reader.GetDouble(3));
        }

        return statements;
    }

    public static SqlProfile Between(IReadOnlyDictionary<long, SqlStatement> before, IReadOnlyDictionary<long, SqlStatement> after)
    {
        var ran = after
            .Select(a => before.TryGetValue(a.Key, out var b) ? a.Value with { Calls = a.Value.Calls - b.Calls, Milliseconds = a.Value.Milliseconds - b.Milliseconds } : a.Value)
            .Where(s => s.Calls > 0 && !s.Query.Contains("pg_stat_statements", StringComparison.Ordinal))
            .ToList();
        return new SqlProfile(ran.Sum(s => s.Calls), [.. ran.OrderByDescending(s => s.Milliseconds).Take(Listed)], [.. ran.OrderByDescending(s => s.Calls).Take(Listed)]);
    }

    /// <summary>The statements that took the most time, then those run most often, as Markdown tables, each query shortened to its first words.</summary>
    public string Tables() => $"{Table("costliest", Costliest)}\n{Table("most often run", Commonest)}";

    static string Table(string heading, IReadOnlyList<SqlStatement> statements)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| statement ({heading}) | calls | total ms |").AppendLine("| --- | ---: | ---: |");
        foreach (var s in statements)
        {
            var query = Whitespace().Replace(s.Query, " ");
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{(query.Length > 110 ? query[..110] + "…" : query).Replace("|", "\\|", StringComparison.Ordinal)}` | {s.Calls:N0} | {s.Milliseconds:N0} |");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
