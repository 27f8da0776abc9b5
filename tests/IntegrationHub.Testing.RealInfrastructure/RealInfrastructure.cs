using System.Diagnostics;
using Npgsql;

namespace IntegrationHub.Testing;

/// <summary>
/// The RabbitMQ node and PostgreSQL cluster that scripts/test.sh started. Missing ones fail the
/// tests loudly: these tests never skip and never fall back to something else.
/// </summary>
public static class RealInfrastructure
{
    public static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. The integration tests need the real RabbitMQ and PostgreSQL that scripts/test.sh installs and starts: run the tests with scripts/test.sh.");

    /// <summary>The local authority the tests' hubs act for: their users' tenant.</summary>
    public const string TenantId = "council-it";

    public static string PostgresServer => Require("HUB_TEST_POSTGRES");
    public static string RabbitHost => Require("HUB_TEST_RABBITMQ_HOST");
    public static ushort RabbitPort => ushort.Parse(Require("HUB_TEST_RABBITMQ_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public static string RabbitUser => Require("HUB_TEST_RABBITMQ_USER");
    public static string RabbitPassword => Require("HUB_TEST_RABBITMQ_PASSWORD");

    /// <summary>Runs rabbitmqctl against the test script's node and returns what it printed.</summary>
    public static Task<string> RabbitCtlAsync(params string[] arguments) => RunAsync("HUB_TEST_RABBITMQCTL", arguments);

    /// <summary>Stops ("stop") or starts ("start") the test script's PostgreSQL cluster, returning once it is done.</summary>
    public static Task PgCtlAsync(string command) => RunAsync("HUB_TEST_PGCTL", command);

    static async Task<string> RunAsync(string executableVariable, params string[] arguments)
    {
        var executable = Require(executableVariable);
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }

        return await output;
    }

    public static Task DropDatabaseAsync(string database) =>
        ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");

    /// <summary>An outage of one database: nobody can connect to it, and whoever was connected is cut off.</summary>
    public static async Task RefuseConnectionsAsync(string database)
    {
        await ExecuteOnServerAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await ExecuteOnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
    }

    public static Task AllowConnectionsAsync(string database) =>
        ExecuteOnServerAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");

    static Task ExecuteOnServerAsync(string sql) => ExecuteAsync("postgres", sql);

    /// <summary>
    /// Runs SQL in one of the tests' databases, as its superuser, on a connection of its own: a
    /// pooled one may have been cut by a fault test's PostgreSQL restart and fail its next command.
    /// </summary>
    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection($"{PostgresServer};Database={database};Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
