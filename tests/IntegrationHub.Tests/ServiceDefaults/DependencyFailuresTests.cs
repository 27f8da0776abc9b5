using System.Net.Sockets;
using IntegrationHub.ServiceDefaults;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.Tests.ServiceDefaults;

public sealed class DependencyFailuresTests
{
    [Fact]
    public void Connection_refused_by_postgresql_is_the_database_out_of_reach() =>
        Assert.Equal(DependencyFailures.Database, DependencyFailures.Unavailable(
            new InvalidOperationException("A transient failure", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)))));

    [Theory]
    [InlineData("57P01")]
    [InlineData("08006")]
    [InlineData("55000")]
    public void Session_ended_or_refused_by_the_server_is_the_database_out_of_reach(string sqlState) =>
        Assert.Equal(DependencyFailures.Database, DependencyFailures.Unavailable(new PostgresException("ended", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void Transaction_npgsql_found_ended_under_it_is_the_database_out_of_reach() =>
        Assert.Equal(DependencyFailures.Database, DependencyFailures.Unavailable(new InvalidOperationException("Transaction is already completed") { Source = "Npgsql" }));

    [Fact]
    public void Same_words_from_elsewhere_and_a_refusal_of_the_query_itself_are_failures_of_their_own()
    {
        Assert.Null(DependencyFailures.Unavailable(new InvalidOperationException("Transaction is already completed") { Source = "IntegrationHub" }));
        Assert.Null(DependencyFailures.Unavailable(new PostgresException("syntax error", "ERROR", "ERROR", "42601")));
        Assert.Null(DependencyFailures.Unavailable(new InvalidOperationException("Sequence contains no elements")));
    }

    [Fact]
    public void Broker_that_cannot_be_reached_is_the_message_broker_out_of_reach() =>
        Assert.Equal(DependencyFailures.MessageBroker, DependencyFailures.Unavailable(new BrokerUnreachableException(new SocketException((int)SocketError.ConnectionRefused))));
}
