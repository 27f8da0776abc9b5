using System.Security.Claims;
using IntegrationHub.Board.Scorecard;
using IntegrationHub.Idempotency;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Board;

/// <summary>
/// The Corporate Parenting Board's dashboard and scorecard for the caller's local authority: open escalations,
/// timeliness, declines, upcoming transitions and releases, and the trend; each as JSON, or as CSV with
/// <c>?format=csv</c>. They hold figures and case references only. A board member who needs to see who a case
/// is about opens it with a purpose (<c>POST /api/board/cases/{referralId}/openings</c>), which is audited.
/// </summary>
public static class BoardApi
{
    const string Csv = "csv";
    const string Json = "json";

    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/board")
            .WithTags("Corporate Parenting Board")
            .RequireAuthorization(HubPolicies.EscalationManager);

        api.MapGet("/escalations", EscalationsAsync).WithName("BoardEscalations")
            .WithDescription($"Open escalations by level, theme, agency and age band, with a page of case references (`page` from 1, `pageSize` up to {BoardPage.MaxSize}, default {BoardPage.DefaultSize}; most urgent first). ?format=csv for CSV (dimension,key,count).");
        api.MapGet("/timeliness", TimelinessAsync).WithName("BoardTimeliness")
            .WithDescription("Per agency: median time to acknowledge and to decide, and the share decided within SLA, over referrals made in the last `months` (default 12). ?format=csv for CSV.");
        api.MapGet("/declines", DeclinesAsync).WithName("BoardDeclines")
            .WithDescription("Declined legs by agency and reason code over the last `months` (default 12). ?format=csv for CSV.");
        api.MapGet("/upcoming", UpcomingAsync).WithName("BoardUpcoming")
            .WithDescription($"Releases and transitions to probation in the next `days` (default 90), and 18th birthdays in six months of young people open to a service they leave at 18 (the agencies' before-18 safeguards, e.g. the youth offending service, CAMHS): counted by kind, and a page of them in date order (`page` from 1, `pageSize` up to {BoardPage.MaxSize}, default {BoardPage.DefaultSize}). ?format=csv for CSV (the page's events).");
        api.MapGet("/trend", TrendAsync).WithName("BoardTrend")
            .WithDescription("Per calendar month, the last `months` (default 12): referrals made, legs decided, escalations raised and resolved. ?format=csv for CSV.");
        api.MapGet("/scorecard", ScorecardAsync).WithName("BoardScorecard")
            .WithDescription($"The corporate parenting scorecard: one row per measure of the care review's missions and the board's themes, with its value, the local authority's target, a red/amber/green status, the change since the previous period, the age bands, England's published figure and the theme's champion. Over the `months` (default {BoardService.DefaultMonths}) up to `asOf` (a UK date, yyyy-MM-dd; default today). ?format=csv for CSV (one line per row and age band).");
        api.MapPost("/cases/{referralId:guid}/openings", OpenCaseAsync).WithName("OpenBoardCase")
            .WithDescription("Opens a case with a recorded purpose (10 to 500 characters): the young person's name, age and the referral. The read is audited with the purpose.")
            .Idempotent();
        return app;
    }

    static Task<Results<Ok<EscalationFigures>, FileContentHttpResult, ValidationProblem>> EscalationsAsync(
        string? format, int? page, int? pageSize, BoardService board, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TableAsync(BoardService.EscalationsTable, format, new(Page: page, PageSize: pageSize), board, principal, errors => board.EscalationsAsync(HubUser.From(principal), page, pageSize, errors, cancellationToken), cancellationToken);

    static Task<Results<Ok<TimelinessFigures>, FileContentHttpResult, ValidationProblem>> TimelinessAsync(
        string? format, int? months, BoardService board, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TableAsync(BoardService.TimelinessTable, format, new(Months: months), board, principal, errors => board.TimelinessAsync(HubUser.From(principal), months, errors, cancellationToken), cancellationToken);

    static Task<Results<Ok<DeclineFigures>, FileContentHttpResult, ValidationProblem>> DeclinesAsync(
        string? format, int? months, BoardService board, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TableAsync(BoardService.DeclinesTable, format, new(Months: months), board, principal, errors => board.DeclinesAsync(HubUser.From(principal), months, errors, cancellationToken), cancellationToken);

    static Task<Results<Ok<UpcomingFigures>, FileContentHttpResult, ValidationProblem>> UpcomingAsync(
        string? format, int? days, int? page, int? pageSize, BoardService board, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TableAsync(BoardService.UpcomingTable, format, new(Days: days, Page: page, PageSize: pageSize), board, principal, errors => board.UpcomingAsync(HubUser.From(principal), days, page, pageSize, errors, cancellationToken), cancellationToken);

    static Task<Results<Ok<TrendFigures>, FileContentHttpResult, ValidationProblem>> TrendAsync(
        string? format, int? months, BoardService board, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TableAsync(BoardService.TrendTable, format, new(Months: months), board, principal, errors => board.TrendAsync(HubUser.From(principal), months, errors, cancellationToken), cancellationToken);

    static Task<Results<Ok<ScorecardFigures>, FileContentHttpResult, ValidationProblem>> ScorecardAsync(
        string? format, string? asOf, int? months, BoardService board, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TableAsync(BoardService.ScorecardTable, format, new(Months: months, AsOf: asOf), board, principal, errors => board.ScorecardAsync(HubUser.From(principal), asOf, months, errors, cancellationToken), cancellationToken);

    static async Task<Results<Ok<CaseOpening>, ValidationProblem, NotFound>> OpenCaseAsync(
        Guid referralId, OpenCase request, BoardService board, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await board.OpenCaseAsync(referralId, request, HubUser.From(principal), cancellationToken)).Match<Results<Ok<CaseOpening>, ValidationProblem, NotFound>>(
            opening => TypedResults.Ok(opening), errors => errors.ToValidationProblem(), () => TypedResults.NotFound());

    /// <summary>A table as JSON, or as the CSV file of <see cref="BoardService.CsvAsync"/>; a bad format is reported with the window's errors.</summary>
    static async Task<Results<Ok<T>, FileContentHttpResult, ValidationProblem>> TableAsync<T>(
        string table, string? format, BoardQuery query, BoardService board, ClaimsPrincipal principal,
        Func<FieldErrors, Task<Outcome<T>>> json, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        return IsCsv(format, errors)
            ? (await board.CsvAsync(table, query, HubUser.From(principal), errors, cancellationToken)).Match<Results<Ok<T>, FileContentHttpResult, ValidationProblem>>(
                file => TypedResults.File(file.Content, BoardCsv.ContentType, file.FileName), invalid => invalid.ToValidationProblem())
            : (await json(errors)).Match<Results<Ok<T>, FileContentHttpResult, ValidationProblem>>(figures => TypedResults.Ok(figures), invalid => invalid.ToValidationProblem());
    }

    static bool IsCsv(string? format, FieldErrors errors)
    {
        if (format is null || string.Equals(format, Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(format, Csv, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        errors.Add("format", $"'format' must be '{Json}' (the default) or '{Csv}'.");
        return false;
    }
}
