using System.Security.Claims;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.SubjectAccess;

public static class SubjectAccessApi
{
    const string Json = "json";
    const string Html = "html";

    public static IHostApplicationBuilder AddSubjectAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SubjectAccessService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSubjectAccessApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/young-people")
            .WithTags("Subject access")
            .RequireAuthorization(HubPolicies.DataProtectionOfficer);

        api.MapGet("/{id:guid}/subject-access", ReportAsync).WithName("GetSubjectAccessReport");
        return app;
    }

    /// <summary>
    /// The Data Protection Officer's answer to a young person's subject access request: JSON, or with
    /// <c>?format=html</c> or an <c>Accept</c> preferring <c>text/html</c>, a readable document to give them.
    /// </summary>
    static async Task<Results<Ok<SubjectAccessReport>, ContentHttpResult, ValidationProblem, NotFound>> ReportAsync(
        Guid id, string? format, HttpRequest request, SubjectAccessService subjectAccess, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var chosen = format is null ? Preferred(request) : errors.Code("format", format, [Json, Html]);
        if (errors.Any)
        {
            return errors.ToValidationProblem();
        }

        if (await subjectAccess.ReportAsync(id, HubUser.From(principal), cancellationToken) is not { } report)
        {
            return TypedResults.NotFound();
        }

        return chosen == Html ? TypedResults.Content(SubjectAccessDocument.Render(report), "text/html; charset=utf-8") : TypedResults.Ok(report);
    }

    /// <summary>HTML when the Accept header ranks <c>text/html</c> above JSON (as a browser does); JSON otherwise.</summary>
    static string Preferred(HttpRequest request) =>
        request.GetTypedHeaders().Accept
            .OrderByDescending(a => a.Quality ?? 1)
            .FirstOrDefault(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            ?.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) == true ? Html : Json;
}
