using System.Security.Claims;
using IntegrationHub.Auditing;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Board;

/// <summary>
/// The Corporate Parenting Board's dashboard and scorecard for the caller's local authority: open escalations,
/// timeliness, declines, upcoming transitions and releases, and the trend; each as JSON, or as CSV with
/// <c>?format=csv</c>. They hold figures and case references only. A board member who needs to see who a case
/// is about opens it with a purpose (<c>POST /api/board/cases/{referralId}/openings</c>), which is audited.
/// </summary>
public static class BoardApi
{
    public const string Csv = "csv";
    public const string Json = "json";
    public const int PurposeMinLength = 10;
    public const int PurposeMaxLength = 500;
    public const int DefaultMonths = 12;
    public const int DefaultDays = 90;

    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/board")
            .WithTags("Corporate Parenting Board")
            .RequireAuthorization(HubPolicies.EscalationManager);

        api.MapGet("/escalations", EscalationsAsync).WithName("BoardEscalations")
            .WithDescription("Open escalations by level, theme, agency and age band, with case references. ?format=csv for CSV (dimension,key,count).");
        api.MapGet("/timeliness", TimelinessAsync).WithName("BoardTimeliness")
            .WithDescription("Per agency: median time to acknowledge and to decide, and the share decided within SLA, over referrals made in the last `months` (default 12). ?format=csv for CSV.");
        api.MapGet("/declines", DeclinesAsync).WithName("BoardDeclines")
            .WithDescription("Declined legs by agency and reason code over the last `months` (default 12). ?format=csv for CSV.");
        api.MapGet("/upcoming", UpcomingAsync).WithName("BoardUpcoming")
            .WithDescription("Releases and transitions to probation in the next `days` (default 90), and 18th birthdays in six months of young people open to a service they leave at 18 (the agencies' before-18 safeguards, e.g. the youth offending service, CAMHS). ?format=csv for CSV.");
        api.MapGet("/trend", TrendAsync).WithName("BoardTrend")
            .WithDescription("Per calendar month, the last `months` (default 12): referrals made, legs decided, escalations raised and resolved. ?format=csv for CSV.");
        api.MapPost("/cases/{referralId:guid}/openings", OpenCaseAsync).WithName("OpenBoardCase")
            .WithDescription("Opens a case with a recorded purpose (10 to 500 characters): the young person's name, age and the referral. The read is audited with the purpose.");
        return app;
    }

    public sealed record Services(BoardFigures Figures, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    public sealed record OpeningServices(HubDbContext Db, AuditLog Audit, BoardFigures Figures, TimeProvider Clock, ClaimsPrincipal Principal, ILoggerFactory Loggers)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    internal static async Task<Results<Ok<EscalationFigures>, FileContentHttpResult, ValidationProblem>> EscalationsAsync(
        string? format, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var csv = IsCsv(format, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var figures = await services.Figures.EscalationsAsync(services.User.TenantId, cancellationToken);
        return csv ? File("escalations", figures.AsOf, BoardCsv.Escalations(figures)) : TypedResults.Ok(figures);
    }

    internal static async Task<Results<Ok<TimelinessFigures>, FileContentHttpResult, ValidationProblem>> TimelinessAsync(
        string? format, int? months, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var csv = IsCsv(format, errors);
        var window = Months(months, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var figures = await services.Figures.TimelinessAsync(services.User.TenantId, window, cancellationToken);
        return csv ? File("timeliness", services.Figures.Today, BoardCsv.Timeliness(figures)) : TypedResults.Ok(figures);
    }

    internal static async Task<Results<Ok<DeclineFigures>, FileContentHttpResult, ValidationProblem>> DeclinesAsync(
        string? format, int? months, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var csv = IsCsv(format, errors);
        var window = Months(months, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var figures = await services.Figures.DeclinesAsync(services.User.TenantId, window, cancellationToken);
        return csv ? File("declines", figures.To, BoardCsv.Declines(figures)) : TypedResults.Ok(figures);
    }

    internal static async Task<Results<Ok<UpcomingFigures>, FileContentHttpResult, ValidationProblem>> UpcomingAsync(
        string? format, int? days, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var csv = IsCsv(format, errors);
        if (days is < 1 or > 366)
        {
            errors.Add("days", "'days' must be from 1 to 366.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var figures = await services.Figures.UpcomingAsync(services.User.TenantId, days ?? DefaultDays, cancellationToken);
        return csv ? File("upcoming", figures.From, BoardCsv.Upcoming(figures)) : TypedResults.Ok(figures);
    }

    internal static async Task<Results<Ok<TrendFigures>, FileContentHttpResult, ValidationProblem>> TrendAsync(
        string? format, int? months, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var csv = IsCsv(format, errors);
        var window = Months(months, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var figures = await services.Figures.TrendAsync(services.User.TenantId, window, cancellationToken);
        return csv ? File("trend", services.Figures.Today, BoardCsv.Trend(figures)) : TypedResults.Ok(figures);
    }

    internal static async Task<Results<Ok<CaseOpening>, ValidationProblem, NotFound>> OpenCaseAsync(
        Guid referralId, OpenCase request, [AsParameters] OpeningServices services, CancellationToken cancellationToken)
    {
        var purpose = request.Purpose?.Trim();
        if (purpose is null || purpose.Length is < PurposeMinLength or > PurposeMaxLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["purpose"] = [$"'purpose' is required: why you are opening this case, {PurposeMinLength} to {PurposeMaxLength} characters. It is recorded in the audit log."],
            });
        }

        var tenant = services.User.TenantId;
        var referral = await services.Db.Referrals
            .Include(r => r.Legs)
            .Include(r => r.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == referralId && r.TenantId == tenant, cancellationToken);
        var person = referral is null
            ? null
            : await services.Db.YoungPeople.SingleOrDefaultAsync(p => p.Id == referral.YoungPersonId && p.TenantId == tenant, cancellationToken);
        if (referral is null || person is null)
        {
            return TypedResults.NotFound();
        }

        await services.Audit.RecordReadAsync(services.User, "board-case", referral.Id, person.Id, purpose, cancellationToken);
        services.Loggers.CreateLogger(typeof(BoardApi)).LogInformation("Board case: referral {ReferralId} opened by {UserId} with a recorded purpose", referral.Id, services.User.Id);
        return TypedResults.Ok(new CaseOpening(
            referral.Id, person.Id, person.GivenName, person.FamilyName, person.AgeOn(services.Figures.Today), purpose,
            services.Clock.GetUtcNow(), ReferralDetails.From(referral)));
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

    static int Months(int? months, FieldErrors errors)
    {
        if (months is < 1 or > 60)
        {
            errors.Add("months", "'months' must be from 1 to 60.");
        }

        return months ?? DefaultMonths;
    }

    static FileContentHttpResult File(string table, DateOnly asOf, byte[] csv) =>
        TypedResults.File(csv, BoardCsv.ContentType, $"board-{table}-{asOf:yyyy-MM-dd}.csv");
}
