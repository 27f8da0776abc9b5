using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.ServiceDefaults;

/// <summary>
/// A request that fails because the database or the message broker is out of reach is answered
/// 503 with <c>Retry-After</c>, not 500: the fault is the dependency's, the request may be sent
/// again once it is back, and the caller (or the load balancer) can tell the two apart. For the JSON
/// API under <c>/api</c>; the FHIR facade answers in OperationOutcomes and the pages with their error page.
/// </summary>
sealed class DependencyUnavailableHandler(IProblemDetailsService problems, ILogger<DependencyUnavailableHandler> logger) : IExceptionHandler
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || UnavailableDependency(exception) is not { } dependency)
        {
            return false;
        }

        logger.LogWarning("The {Dependency} is unavailable; {Method} {Path} answered 503: {Reason}",
            dependency, http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = $"The hub's {dependency} is unavailable",
                Detail = $"The request was not completed. Send it again in {RetryAfter.TotalSeconds} seconds.",
            },
        });
    }

    /// <summary>
    /// Which dependency the exception, or one it wraps, says is out of reach; null for any other failure. The
    /// broker closing the connection (forced, as at a shutdown; not allowed, as for a virtual host it does not
    /// have; an internal error) is unavailability, a refused operation on a channel is not.
    /// </summary>
    internal static string? UnavailableDependency(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case DbException database when database.IsTransient || IsConnectionRefusal(database.SqlState):
                    return "database";
                case BrokerUnreachableException or AlreadyClosedException or ConnectFailureException:
                case OperationInterruptedException { ShutdownReason.ReplyCode: Constants.ConnectionForced or Constants.NotAllowed or Constants.InternalError }:
                    return "message broker";
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
