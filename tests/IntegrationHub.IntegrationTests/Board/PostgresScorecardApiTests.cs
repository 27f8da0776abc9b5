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
    readonly OwnPostgresDatabase database;

    public PostgresScorecardScenario()
        : this(new OwnPostgresDatabase("hub_score"))
    {
    }

    PostgresScorecardScenario(OwnPostgresDatabase database)
        : base(database.Settings)
    {
        this.database = database;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DropAsync();
    }
}
