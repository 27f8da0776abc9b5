using System.Security.Claims;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Legs;

/// <summary>An agency's own view: only its own legs, and of each only what was shared with it.</summary>
public static class LegsApi
{
    public static IEndpointRouteBuilder MapLegsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/legs")
            .WithTags("Agency legs")
            .RequireAuthorization(HubPolicies.AgencyWorker);

        api.MapGet("/", ListAsync).WithName("ListAgencyLegs");
        api.MapGet("/{legId:guid}", GetAsync).WithName("GetAgencyLeg");
        return app;
    }

    static async Task<Ok<List<AgencyLegSummary>>> ListAsync(string? status, LegService legs, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TypedResults.Ok(await legs.ListAsync(status, HubUser.From(principal), cancellationToken));

    static async Task<Results<Ok<AgencyLegView>, NotFound>> GetAsync(Guid legId, LegService legs, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await legs.GetAsync(legId, HubUser.From(principal), cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
