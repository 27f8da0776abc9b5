using System.Security.Claims;
using IntegrationHub.Idempotency;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Referrals;

public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/referrals")
            .WithTags("Referrals")
            .RequireAuthorization(HubPolicies.PersonalAdviser);

        api.MapPost("/", MakeAsync).WithName("MakeReferral").Idempotent();
        api.MapGet("/", ListAsync).WithName("ListReferrals");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetReferral");
        api.MapPost("/{id:guid}/cancellation", CancelReferralAsync).WithName("CancelReferral");
        api.MapPost("/{id:guid}/legs/{legId:guid}/cancellation", CancelLegAsync).WithName("CancelLeg");
        api.MapPost("/{id:guid}/legs/{legId:guid}/sanction-response", AnswerSanctionAsync).WithName("AnswerProposedSanction");
        return app;
    }

    static async Task<Results<Accepted<ReferralAccepted>, ValidationProblem>> MakeAsync(
        MakeReferral request, ReferralService referrals, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await referrals.MakeAsync(request, HubUser.From(principal), cancellationToken)).Match<Results<Accepted<ReferralAccepted>, ValidationProblem>>(
            referral => TypedResults.Accepted($"/api/referrals/{referral.Id}", referral),
            errors => errors.ToValidationProblem());

    static async Task<Ok<List<ReferralDetails>>> ListAsync(
        Guid? youngPersonId, ReferralService referrals, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TypedResults.Ok(await referrals.ListAsync(youngPersonId, HubUser.From(principal), cancellationToken));

    static async Task<Results<Ok<ReferralDetails>, NotFound>> GetAsync(
        Guid id, ReferralService referrals, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await referrals.GetAsync(id, HubUser.From(principal), cancellationToken) is { } referral ? TypedResults.Ok(referral) : TypedResults.NotFound();

    static async Task<Results<Accepted<ReferralDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> CancelReferralAsync(
        Guid id, CancelRequest request, ReferralService referrals, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await referrals.CancelReferralAsync(id, request, HubUser.From(principal), cancellationToken)).ToResults(Accepted);

    static async Task<Results<Accepted<ReferralDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> CancelLegAsync(
        Guid id, Guid legId, CancelRequest request, ReferralService referrals, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await referrals.CancelLegAsync(id, legId, request, HubUser.From(principal), cancellationToken)).ToResults(Accepted);

    static async Task<Results<Ok<ReferralDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> AnswerSanctionAsync(
        Guid id, Guid legId, SanctionResponse request, ReferralService referrals, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await referrals.AnswerSanctionAsync(id, legId, request, HubUser.From(principal), cancellationToken)).ToResults(TypedResults.Ok);

    static Accepted<ReferralDetails> Accepted(ReferralDetails referral) => TypedResults.Accepted($"/api/referrals/{referral.Id}", referral);
}
