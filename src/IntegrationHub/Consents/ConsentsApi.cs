using System.Security.Claims;
using IntegrationHub.Idempotency;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Consents;

public static class ConsentsApi
{
    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/young-people/{id:guid}/consents").WithTags("Consents");

        // The young person may read and withdraw their own consents; only their Personal Adviser records one.
        // A withdrawal needs no body: nobody has to say why they withdraw.
        api.MapGet("/", ListAsync).WithName("ListConsents").RequireAuthorization(HubPolicies.PersonalAdviserOrYoungPerson);
        api.MapPost("/", RecordAsync).WithName("RecordConsent").RequireAuthorization(HubPolicies.PersonalAdviser).Idempotent();
        api.MapPost("/{agency}/withdrawal", WithdrawAsync).WithName("WithdrawConsent").RequireAuthorization(HubPolicies.PersonalAdviserOrYoungPerson);
        return app;
    }

    static async Task<Results<Ok<IReadOnlyList<AgencyConsent>>, NotFound>> ListAsync(
        Guid id, ConsentService consents, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await consents.ListAsync(id, HubUser.From(principal), cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    static async Task<Results<Created<ConsentDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> RecordAsync(
        Guid id, RecordConsent request, ConsentService consents, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await consents.RecordAsync(id, request, HubUser.From(principal), cancellationToken))
            .ToResults(consent => TypedResults.Created($"/api/young-people/{id}/consents", consent));

    static async Task<Results<Ok<ConsentWithdrawn>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> WithdrawAsync(
        Guid id, string agency, WithdrawConsent? request, ConsentService consents, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await consents.WithdrawAsync(id, agency, request ?? new WithdrawConsent(null), HubUser.From(principal), cancellationToken)).ToResults(TypedResults.Ok);
}
