using System.Security.Claims;
using IntegrationHub.Idempotency;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.PathwayPlans;

public static class PathwayPlansApi
{
    public static IEndpointRouteBuilder MapPathwayPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/young-people/{youngPersonId:guid}/pathway-plan")
            .WithTags("Pathway plans")
            .RequireAuthorization(HubPolicies.PersonalAdviser);

        api.MapPost("/versions", CreateVersionAsync).WithName("CreatePathwayPlanVersion").Idempotent();
        api.MapGet("/", GetLatestAsync).WithName("GetPathwayPlan");
        api.MapGet("/versions/{number:int}", GetVersionAsync).WithName("GetPathwayPlanVersion");
        return app;
    }

    static async Task<Results<Created<PlanVersionDetails>, ValidationProblem, NotFound, Conflict<string>>> CreateVersionAsync(
        Guid youngPersonId, CreatePlanVersion request, PathwayPlanService plans, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await plans.CreateVersionAsync(youngPersonId, request, HubUser.From(principal), cancellationToken))
            .Match<Results<Created<PlanVersionDetails>, ValidationProblem, NotFound, Conflict<string>>>(
                version => TypedResults.Created($"/api/young-people/{youngPersonId}/pathway-plan/versions/{version.Number}", version),
                errors => errors.ToValidationProblem(),
                () => TypedResults.NotFound(),
                (_, detail) => TypedResults.Conflict(detail));

    static async Task<Results<Ok<PathwayPlanDetails>, NotFound>> GetLatestAsync(
        Guid youngPersonId, PathwayPlanService plans, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await plans.GetLatestAsync(youngPersonId, HubUser.From(principal), cancellationToken) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound();

    static async Task<Results<Ok<PlanVersionDetails>, NotFound>> GetVersionAsync(
        Guid youngPersonId, int number, PathwayPlanService plans, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await plans.GetVersionAsync(youngPersonId, number, HubUser.From(principal), cancellationToken) is { } version ? TypedResults.Ok(version) : TypedResults.NotFound();
}
