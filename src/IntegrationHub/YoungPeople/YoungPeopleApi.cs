using System.Security.Claims;
using IntegrationHub.Idempotency;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.YoungPeople;

public static class YoungPeopleApi
{
    public static IEndpointRouteBuilder MapYoungPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/young-people")
            .WithTags("Young people")
            .RequireAuthorization(HubPolicies.PersonalAdviser);

        api.MapPost("/", RegisterAsync).WithName("RegisterYoungPerson").Idempotent();
        api.MapGet("/", ListAsync).WithName("ListYoungPeople");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetYoungPerson");
        return app;
    }

    static async Task<Results<Created<YoungPersonDetails>, ValidationProblem, Conflict<string>>> RegisterAsync(
        RegisterYoungPerson request, YoungPeopleService people, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await people.RegisterAsync(request, HubUser.From(principal), cancellationToken)).Match<Results<Created<YoungPersonDetails>, ValidationProblem, Conflict<string>>>(
            person => TypedResults.Created($"/api/young-people/{person.Id}", person),
            errors => errors.ToValidationProblem(),
            conflict: (_, detail) => TypedResults.Conflict(detail));

    static async Task<Ok<List<YoungPersonDetails>>> ListAsync(
        YoungPeopleService people, ClaimsPrincipal principal, string? search, CancellationToken cancellationToken) =>
        TypedResults.Ok(await people.ListAsync(search, HubUser.From(principal), cancellationToken));

    static async Task<Results<Ok<YoungPersonDetails>, NotFound>> GetAsync(
        Guid id, YoungPeopleService people, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await people.GetAsync(id, HubUser.From(principal), cancellationToken) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();
}
