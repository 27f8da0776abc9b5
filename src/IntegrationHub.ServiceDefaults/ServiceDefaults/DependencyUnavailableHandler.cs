using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

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
        if (!http.Request.Path.StartsWithSegments("/api") || DependencyFailures.Unavailable(exception) is not { } dependency)
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
}
