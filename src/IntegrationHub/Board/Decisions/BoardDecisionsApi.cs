using System.Security.Claims;
using IntegrationHub.Idempotency;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Board.Decisions;

/// <summary>
/// The board's case papers and decisions through the <see cref="BoardDecisionService"/>: a case paper read (audited),
/// the favoured resolution (team managers and heads of service), the young person's words with their agreement (their
/// Personal Adviser), the board's decisions (board members), and their list and progress, which the owning
/// organisation's agency users reach for their own organisation's actions only.
/// </summary>
public static class BoardDecisionsApi
{
    public static IEndpointRouteBuilder MapBoardDecisionsApi(this IEndpointRouteBuilder app)
    {
        var papers = app.MapGroup("/api/board/case-papers").WithTags("Corporate Parenting Board");
        papers.MapGet("/{id:guid}", CasePaperAsync).WithName("BoardCasePaper").RequireAuthorization(HubPolicies.EscalationManager)
            .WithDescription("The escalation's case paper, anonymised: the story in codes and dates, the favoured resolution, and the young person's words only with their agreement recorded. Each read is audited.");
        papers.MapPut("/{id:guid}/favoured-resolution", ProposeAsync).WithName("ProposeFavouredResolution").RequireAuthorization(HubPolicies.EscalationManager)
            .WithDescription("A team manager or head of service records the resolution they favour (no names, dates of birth or addresses).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        papers.MapPut("/{id:guid}/young-persons-words", RecordWordsAsync).WithName("RecordYoungPersonsWords").RequireAuthorization(HubPolicies.PersonalAdviser)
            .WithDescription("The Personal Adviser records the young person's words for the board with the day they agreed to it and its evidence.");

        var decisions = app.MapGroup("/api/board/decisions").WithTags("Corporate Parenting Board")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser()
                .RequireClaim(HubClaims.LocalAuthority)
                .RequireAssertion(c => HubRoles.EscalationRoles.Any(c.User.IsInRole)
                    || (c.User.IsInRole(HubRoles.Agency) && !string.IsNullOrEmpty(c.User.FindFirst(HubClaims.Organisation)?.Value))));
        decisions.MapPost("/", DecideAsync).WithName("RecordBoardDecision").Idempotent().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithDescription("A board member records the board's decision on an open level-3 escalation; the owning organisation is told in its inbox and by e-mail.");
        decisions.MapGet("/", ListAsync).WithName("ListBoardDecisions")
            .WithDescription($"The board's actions with their status, soonest due first; `status` one of {string.Join(", ", BoardDecisionStatuses.All)} or {BoardDecisionStatuses.Overdue}. An agency user sees its own organisation's only. ?format=csv for CSV.");
        decisions.MapPost("/{id:guid}/progress", ProgressAsync).WithName("RecordBoardDecisionProgress").ProducesProblem(StatusCodes.Status403Forbidden)
            .WithDescription("A note of how the action is going and its status, by the owning organisation or a board member.");
        return app;
    }

    static async Task<Results<Ok<CasePaperView>, ValidationProblem, NotFound>> CasePaperAsync(Guid id, BoardDecisionService service, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await service.CasePaperAsync(id, HubUser.From(principal), cancellationToken)).Match<Results<Ok<CasePaperView>, ValidationProblem, NotFound>>(
            paper => TypedResults.Ok(paper), errors => errors.ToValidationProblem(), () => TypedResults.NotFound());

    static async Task<Results<Ok<CasePaperView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> ProposeAsync(
        Guid id, ProposeResolution request, BoardDecisionService service, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        Paper(await service.ProposeResolutionAsync(id, request, HubUser.From(principal), cancellationToken));

    static async Task<Results<Ok<CasePaperView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> RecordWordsAsync(
        Guid id, RecordYoungPersonsWords request, BoardDecisionService service, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        Paper(await service.RecordWordsAsync(id, request, HubUser.From(principal), cancellationToken));

    static Results<Ok<CasePaperView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult> Paper(Outcome<CasePaperView> outcome) =>
        outcome.Match<Results<Ok<CasePaperView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>>(
            paper => TypedResults.Ok(paper),
            errors => errors.ToValidationProblem(),
            () => TypedResults.NotFound(),
            (title, detail) => OutcomeResults.ToConflict(title, detail),
            (title, detail) => OutcomeResults.ToForbidden(title, detail));

    static async Task<Results<Created<BoardDecisionSummary>, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> DecideAsync(
        RecordBoardDecision request, BoardDecisionService service, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await service.DecideAsync(request, HubUser.From(principal), cancellationToken))
            .Match<Results<Created<BoardDecisionSummary>, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>>(
                decision => TypedResults.Created($"/api/board/decisions/{decision.Id}", decision),
                errors => errors.ToValidationProblem(),
                conflict: (title, detail) => OutcomeResults.ToConflict(title, detail),
                forbidden: (title, detail) => OutcomeResults.ToForbidden(title, detail));

    static async Task<Results<Ok<List<BoardDecisionSummary>>, FileContentHttpResult, ValidationProblem>> ListAsync(
        string? status, string? format, BoardDecisionService service, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            var errors = new FieldErrors();
            errors.Add("format", "'format' must be 'json' (the default) or 'csv'.");
            return errors.ToValidationProblem();
        }

        var user = HubUser.From(principal);
        return (await service.ListAsync(status, user, cancellationToken)).Match<Results<Ok<List<BoardDecisionSummary>>, FileContentHttpResult, ValidationProblem>>(
            list => csv
                ? TypedResults.File(BoardDecisionsCsv.Write(list), BoardCsv.ContentType, $"board-decisions-{service.Today:yyyy-MM-dd}.csv")
                : TypedResults.Ok(list),
            errors => errors.ToValidationProblem());
    }

    static async Task<Results<Ok<BoardDecisionSummary>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> ProgressAsync(
        Guid id, RecordProgress request, BoardDecisionService service, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await service.RecordProgressAsync(id, request, HubUser.From(principal), cancellationToken))
            .Match<Results<Ok<BoardDecisionSummary>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>>(
                decision => TypedResults.Ok(decision),
                errors => errors.ToValidationProblem(),
                () => TypedResults.NotFound(),
                (title, detail) => OutcomeResults.ToConflict(title, detail),
                (title, detail) => OutcomeResults.ToForbidden(title, detail));
}
