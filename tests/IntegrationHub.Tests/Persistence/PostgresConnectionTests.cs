using IntegrationHub.Persistence;
using Npgsql;

namespace IntegrationHub.Tests.Persistence;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void Connection_string_without_either_setting_prepares_statements_and_does_not_reset_connections()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned("Host=db;Database=hub;Username=hub;Password=secret"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(("db", "hub", "hub", "secret"), (tuned.Host, tuned.Database, tuned.Username, tuned.Password));
    }

    [Fact]
    public void Connection_string_that_sets_them_keeps_its_own()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned("Host=db;Database=hub;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
