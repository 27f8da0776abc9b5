using IntegrationHub.Testing;
using IntegrationHub.Tests.Board.Scorecard;

namespace IntegrationHub.IntegrationTests.Board;

/// <summary>
/// The scorecard's known answers on PostgreSQL: the same data set and the same expected figures as on SQLite
/// (<see cref="ScorecardKnownAnswers"/>), computed by PostgreSQL's SQL.
/// </summary>
public sealed class PostgresScorecardApiTests(PostgresScorecardScenario scenario) : ScorecardKnownAnswers(scenario), IClassFixture<PostgresScorecardScenario>;

/// <summary>The scorecard's data set on a hub whose database is PostgreSQL, in a database of its own that is dropped after the run.</summary>
public sealed class PostgresScorecardScenario : ScorecardScenario
{
    readonly string database;

    public PostgresScorecardScenario()
        : this($"hub_score_{Guid.NewGuid():N}"[..24])
    {
    }

    PostgresScorecardScenario(string database)
        : base(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = $"{RealInfrastructure.PostgresServer};Database={database}",
        })
    {
        this.database = database;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await RealInfrastructure.DropDatabaseAsync(database);
    }
}
