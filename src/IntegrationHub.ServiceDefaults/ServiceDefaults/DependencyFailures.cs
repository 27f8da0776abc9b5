using System.Data.Common;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.ServiceDefaults;

/// <summary>Tells a dependency that is out of reach (the database, the message broker) from any other failure.</summary>
public static class DependencyFailures
{
    public const string Database = "database";
    public const string MessageBroker = "message broker";

    /// <summary>
    /// Which dependency the exception, or one it wraps, says is out of reach; null for any other failure. The
    /// broker closing the connection (forced, as at a shutdown; not allowed, as for a virtual host it does not
    /// have; an internal error) is unavailability, a refused operation on a channel is not.
    /// </summary>
    public static string? Unavailable(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case DbException database when database.IsTransient || IsConnectionRefusal(database.SqlState):
                    return Database;

                // Npgsql learns that the server ended the session (a shutdown, a terminated backend) between two commands of a
                // transaction only when the next command is given that transaction, and says the transaction is completed, not
                // that the connection was lost. Using a transaction after its own commit says the same, but that is a defect
                // every test of the code path would show; under an outage it is the outage.
                case InvalidOperationException { Source: "Npgsql" } ended when ended.Message.Contains("already completed", StringComparison.Ordinal):
                    return Database;
                case BrokerUnreachableException or AlreadyClosedException or ConnectFailureException or RabbitMqConnectionException:
                case OperationInterruptedException { ShutdownReason.ReplyCode: Constants.ConnectionForced or Constants.NotAllowed or Constants.InternalError }:
                    return MessageBroker;
            }
        }

        return null;
    }

    /// <summary>
    /// PostgreSQL's connection exceptions (08), lack of resources (53) and operator intervention (57P, a
    /// server shutting down or a terminated session), and 55000, which a database closed to connections
    /// answers a new one with.
    /// </summary>
    static bool IsConnectionRefusal(string? sqlState) =>
        sqlState is not null && (sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("53", StringComparison.Ordinal)
            || sqlState.StartsWith("57P", StringComparison.Ordinal) || sqlState == "55000");
}
