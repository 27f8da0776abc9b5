using IntegrationHub.Tests.Board;

namespace IntegrationHub.IntegrationTests.Board;

/// <summary>
/// The board's known answers on PostgreSQL: the same data set and the same expected figures as on SQLite
/// (<see cref="BoardKnownAnswers"/>), computed by PostgreSQL's SQL.
/// </summary>
public sealed class PostgresBoardApiTests(PostgresBoardScenario scenario) : BoardKnownAnswers(scenario), IClassFixture<PostgresBoardScenario>;

/// <summary>The board's data set on a hub whose database is PostgreSQL, in a database of its own that is dropped after the run.</summary>
public sealed class PostgresBoardScenario : BoardScenario
{
    readonly OwnPostgresDatabase database;

    public PostgresBoardScenario()
        : this(new OwnPostgresDatabase("hub_board"))
    {
    }

    PostgresBoardScenario(OwnPostgresDatabase database)
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
