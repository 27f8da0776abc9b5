using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace IntegrationHub.Fhir;

/// <summary>FHIR resources as <c>application/fhir+json</c>, and every error as an OperationOutcome.</summary>
public static class FhirResults
{
    public const string ContentType = "application/fhir+json";

    public static IResult Resource(Resource resource, int status = StatusCodes.Status200OK) =>
        Results.Text(NhsFhirJson.Serialize(resource), $"{ContentType}; charset=utf-8", statusCode: status);

    public static IResult Error(int status, OperationOutcome.IssueType code, string diagnostics, string? expression = null) =>
        Resource(Outcome(code, diagnostics, expression), status);

    /// <summary>A 400 naming every bad element: one <c>invalid</c> issue per message, its expression the element.</summary>
    public static IResult Invalid(FieldErrors errors) =>
        Resource(new OperationOutcome
        {
            Issue = [.. errors.ToDictionary().SelectMany(e => e.Value.Select(message => Issue(OperationOutcome.IssueType.Invalid, message, e.Key)))],
        }, StatusCodes.Status400BadRequest);

    public static OperationOutcome Outcome(OperationOutcome.IssueType code, string diagnostics, string? expression = null) => new()
    {
        Issue = [Issue(code, diagnostics, expression)],
    };

    static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueType code, string diagnostics, string? expression) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = code,
        Diagnostics = diagnostics,
        Expression = expression is null ? [] : [expression],
    };

    /// <summary>
    /// Errors the framework answers itself under <c>/fhir</c> (401 without a token, 403, 404 for no
    /// route, 405) become OperationOutcomes too. Register it after the service defaults and before
    /// authentication, so it wraps what authentication answers.
    /// </summary>
    public static WebApplication UseFhirErrors(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/fhir"), fhir => fhir.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // An unexpected failure is logged by the handler and answered without its details; a dependency out of reach
            // is a 503 to try again, spoken of once in a while by DependencyOutages rather than logged for each request.
            ExceptionHandler = async http =>
            {
                var failure = http.Features.GetRequiredFeature<IExceptionHandlerFeature>().Error;
                var outage = http.RequestServices.GetRequiredService<DependencyOutages>().Met(failure, $"{http.Request.Method} {http.Request.Path}, answered 503");
                http.Response.ContentType = $"{ContentType}; charset=utf-8";
                if (outage is null)
                {
                    http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await http.Response.WriteAsync(NhsFhirJson.Serialize(Outcome(OperationOutcome.IssueType.Exception, $"The hub could not complete the request (trace {http.TraceIdentifier}).")));
                    return;
                }

                DependencyOutages.TurnAway(http.Response);
                await http.Response.WriteAsync(NhsFhirJson.Serialize(Outcome(OperationOutcome.IssueType.Transient,
                    $"The hub's {outage} is unavailable; the request was not completed. Send it again in {DependencyOutages.RetryAfter.TotalSeconds} seconds.")));
            },
            SuppressDiagnosticsCallback = failure => DependencyFailures.Unavailable(failure.Exception) is not null,
        }).UseStatusCodePages(async context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            var code = status switch
            {
                StatusCodes.Status401Unauthorized => OperationOutcome.IssueType.Login,
                StatusCodes.Status403Forbidden => OperationOutcome.IssueType.Forbidden,
                StatusCodes.Status404NotFound => OperationOutcome.IssueType.NotFound,
                _ => OperationOutcome.IssueType.Processing,
            };
            context.HttpContext.Response.ContentType = $"{ContentType}; charset=utf-8";
            await context.HttpContext.Response.WriteAsync(NhsFhirJson.Serialize(Outcome(code, $"HTTP {status}: {ReasonPhrase(status)}")));
        }));
        return app;
    }

    static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
