using System.Security.Claims;
using IntegrationHub.Idempotency;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Escalations;

/// <summary>
/// The ladder for its managers, through the <see cref="EscalationService"/>: the escalations at or below the
/// caller's level, raising one by hand, resolving one with an outcome note. What is above the caller's level is
/// refused with a 403 problem saying which levels their role acts on.
/// </summary>
public static class EscalationsApi
{
    public static IEndpointRouteBuilder MapEscalationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/escalations")
            .WithTags("Escalations")
            .RequireAuthorization(HubPolicies.EscalationManager);

        api.MapGet("/", ListAsync).WithName("ListEscalations").ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/", RaiseAsync).WithName("RaiseEscalation").ProducesProblem(StatusCodes.Status403Forbidden).Idempotent();
        api.MapPost("/{id:guid}/resolution", ResolveAsync).WithName("ResolveEscalation").ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    static async Task<Results<Ok<List<EscalationSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        bool? open, int? level, string? theme, string? agency, EscalationService escalations, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await escalations.ListAsync(new EscalationFilter(open, level, theme, agency), HubUser.From(principal), cancellationToken))
            .Match<Results<Ok<List<EscalationSummary>>, ValidationProblem, ProblemHttpResult>>(
                list => TypedResults.Ok(list),
                errors => errors.ToValidationProblem(),
                forbidden: (title, detail) => OutcomeResults.ToForbidden(title, detail));

    static async Task<Results<Created<EscalationSummary>, ValidationProblem, ProblemHttpResult>> RaiseAsync(
        RaiseEscalation request, EscalationService escalations, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await escalations.RaiseAsync(request, HubUser.From(principal), cancellationToken))
            .Match<Results<Created<EscalationSummary>, ValidationProblem, ProblemHttpResult>>(
                raised => TypedResults.Created($"/api/escalations/{raised.Id}", raised),
                errors => errors.ToValidationProblem(),
                forbidden: (title, detail) => OutcomeResults.ToForbidden(title, detail));

    static async Task<Results<Ok<EscalationSummary>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> ResolveAsync(
        Guid id, ResolveEscalation request, EscalationService escalations, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await escalations.ResolveAsync(id, request, HubUser.From(principal), cancellationToken))
            .Match<Results<Ok<EscalationSummary>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>>(
                resolved => TypedResults.Ok(resolved),
                errors => errors.ToValidationProblem(),
                () => TypedResults.NotFound(),
                (title, detail) => OutcomeResults.ToConflict(title, detail),
                (title, detail) => OutcomeResults.ToForbidden(title, detail));
}
