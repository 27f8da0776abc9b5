using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Outcomes;

/// <summary>
/// The hub's one translation of a service's <see cref="Outcome{T}"/> to HTTP: invalid is a validation problem
/// listing every field error, not found a bare 404, a conflict a 409 problem with its title and detail, forbidden a
/// 403 problem saying what the caller's role does reach.
/// </summary>
public static class OutcomeResults
{
    public static ValidationProblem ToValidationProblem(this FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    public static Conflict<ProblemDetails> ToConflict(string title, string detail) =>
        TypedResults.Conflict(new ProblemDetails { Title = title, Detail = detail });

    public static ProblemHttpResult ToForbidden(string title, string detail) =>
        TypedResults.Problem(detail, title: title, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>An outcome that may be any of the four, with <paramref name="done"/> saying how a done one is answered.</summary>
    public static Results<TDone, ValidationProblem, NotFound, Conflict<ProblemDetails>> ToResults<T, TDone>(this Outcome<T> outcome, Func<T, TDone> done)
        where TDone : IResult =>
        outcome.Match<Results<TDone, ValidationProblem, NotFound, Conflict<ProblemDetails>>>(
            value => done(value),
            errors => errors.ToValidationProblem(),
            () => TypedResults.NotFound(),
            (title, detail) => ToConflict(title, detail));
}
