using System.Security.Claims;
using IntegrationHub.Consents;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Me;

/// <summary>The young person's own view, for their pages and any app of theirs: everything is of the record their sign-in names.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me")
            .WithTags("Young person's own view")
            .RequireAuthorization(HubPolicies.YoungPerson);

        api.MapGet("/", GetRecordAsync).WithName("GetMyRecord");
        api.MapGet("/referrals", ListReferralsAsync).WithName("ListMyReferrals");
        api.MapGet("/consents", ListConsentsAsync).WithName("ListMyConsents");
        api.MapPost("/consents/{agency}/withdrawal", WithdrawConsentAsync).WithName("WithdrawMyConsent");
        return app;
    }

    static async Task<Results<Ok<MyRecord>, NotFound>> GetRecordAsync(MeService me, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await me.GetRecordAsync(HubUser.From(principal), cancellationToken) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<MyReferral>>, NotFound>> ListReferralsAsync(MeService me, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await me.ListReferralsAsync(HubUser.From(principal), cancellationToken) is { } referrals ? TypedResults.Ok(referrals) : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<AgencyConsent>>, NotFound>> ListConsentsAsync(
        ConsentService consents, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = HubUser.From(principal);
        return await consents.ListAsync(MeService.OwnRecordId(user), user, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
    }

    static async Task<Results<Ok<ConsentWithdrawn>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> WithdrawConsentAsync(
        string agency, WithdrawConsent? request, ConsentService consents, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = HubUser.From(principal);
        return (await consents.WithdrawAsync(MeService.OwnRecordId(user), agency, request ?? new WithdrawConsent(null), user, cancellationToken)).ToResults(TypedResults.Ok);
    }
}
