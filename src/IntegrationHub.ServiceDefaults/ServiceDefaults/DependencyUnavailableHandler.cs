using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.ServiceDefaults;

/// <summary>
/// A request that fails because the database or the message broker is out of reach is answered
/// 503 with <c>Retry-After</c>, not 500: the fault is the dependency's, the request may be sent
/// again once it is back, and the caller (or the load balancer) can tell the two apart. For the JSON
/// API under <c>/api</c>; the FHIR facade answers with an OperationOutcome and the pages with their error page, each a 503 too.
/// </summary>
sealed class DependencyUnavailableHandler(IProblemDetailsService problems, DependencyOutages outages) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || outages.Met(exception, $"{http.Request.Method} {http.Request.Path}, answered 503") is not { } dependency)
        {
            return false;
        }

        DependencyOutages.TurnAway(http.Response);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = $"The hub's {dependency} is unavailable",
                Detail = $"The request was not completed. Send it again in {DependencyOutages.RetryAfter.TotalSeconds} seconds.",
            },
        });
    }
}
