using System.Globalization;
using IntegrationHub.Auditing;
using IntegrationHub.Board.Scorecard;
using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Outcomes;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Board;

/// <summary>
/// What a board member sees of their local authority: the <see cref="BoardFigures"/> over a window they choose
/// (each table also as a CSV file), and a case opened with a recorded purpose, the only read that names anyone.
/// The tables that list cases (open escalations, upcoming events) are audited reads, one entry per case, under
/// the board's oversight; the others are counts and medians of no one in particular.
/// </summary>
/// <remarks>
/// Each table takes the <see cref="FieldErrors"/> already found in the request (e.g. its format), adds the
/// window's and reads nothing unless the request is sound, so that one 400 names every bad field.
/// </remarks>
public sealed class BoardService(
    BoardFigures figures, ScorecardReader scorecard, WorkingCalendar calendar, HubDbContext db, AuditLog audit, TimeProvider clock, ILogger<BoardService> logger)
{
    public const int PurposeMinLength = 10;
    public const int PurposeMaxLength = 500;
    public const int DefaultMonths = 12;
    public const int DefaultDays = 90;

    public const string EscalationsTable = "escalations";
    public const string TimelinessTable = "timeliness";
    public const string DeclinesTable = "declines";
    public const string UpcomingTable = "upcoming";
    public const string TrendTable = "trend";
    public const string ScorecardTable = "scorecard";

    /// <summary>
    /// The open escalations' counts and a page of their cases, for the API. Audited: each case returned is a reference
    /// with its reason code, which may say a young person is in custody or nearly 18.
    /// </summary>
    public Task<Outcome<EscalationFigures>> EscalationsAsync(HubUser user, int? page, int? pageSize, FieldErrors errors, CancellationToken cancellationToken)
    {
        var read = Page(page, pageSize, errors);
        return ReadAsync(errors, async () =>
        {
            var found = await figures.EscalationsAsync(user.TenantId, read, cancellationToken);
            var ids = found.Cases.Select(c => c.EscalationId).ToList();
            var cases = await db.Escalations.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.YoungPersonId }).ToListAsync(cancellationToken);
            await audit.RecordAsync(user, cases.Select(c => Audited.Read("board-escalation", c.Id, c.YoungPersonId, AuditBases.BoardOversight)), cancellationToken);
            return found;
        });
    }

    /// <summary>The same counts without the cases, for the dashboard and the CSV file, which show none: a read of no one.</summary>
    public Task<Outcome<EscalationFigures>> EscalationCountsAsync(HubUser user, FieldErrors errors, CancellationToken cancellationToken) =>
        ReadAsync(errors, async () => await figures.EscalationsAsync(user.TenantId, BoardPage.First, cancellationToken) with { Cases = [] });

    public Task<Outcome<TimelinessFigures>> TimelinessAsync(HubUser user, int? months, FieldErrors errors, CancellationToken cancellationToken)
    {
        var window = Months(months, errors);
        return ReadAsync(errors, () => figures.TimelinessAsync(user.TenantId, window, cancellationToken));
    }

    public Task<Outcome<DeclineFigures>> DeclinesAsync(HubUser user, int? months, FieldErrors errors, CancellationToken cancellationToken)
    {
        var window = Months(months, errors);
        return ReadAsync(errors, () => figures.DeclinesAsync(user.TenantId, window, cancellationToken));
    }

    /// <summary>
    /// Audited: each event returned is a young person's date (a release, a transition, an 18th birthday, which gives
    /// their date of birth); the counts by kind are of no one.
    /// </summary>
    public Task<Outcome<UpcomingFigures>> UpcomingAsync(HubUser user, int? days, int? page, int? pageSize, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 366)
        {
            errors.Add("days", "'days' must be from 1 to 366.");
        }

        var shown = Page(page, pageSize, errors);
        return ReadAsync(errors, async () =>
        {
            var read = await figures.UpcomingAsync(user.TenantId, days ?? DefaultDays, shown, cancellationToken);
            await audit.RecordAsync(
                user,
                read.Events.DistinctBy(e => e.LegId ?? e.ReferralId).Select(e => Audited.Read("board-upcoming", e.LegId ?? e.ReferralId, e.YoungPersonId, AuditBases.BoardOversight)),
                cancellationToken);
            return read;
        });
    }

    public Task<Outcome<TrendFigures>> TrendAsync(HubUser user, int? months, FieldErrors errors, CancellationToken cancellationToken)
    {
        var window = Months(months, errors);
        return ReadAsync(errors, () => figures.TrendAsync(user.TenantId, window, cancellationToken));
    }

    /// <summary>
    /// The scorecard for the <paramref name="months"/> up to <paramref name="asOf"/> (a UK date, <c>yyyy-MM-dd</c>; today
    /// unless given), and the same months before. Counts and medians of no one in particular: not audited, as the
    /// timeliness and trend are not. The day may not be after today, and both periods must fall in the years of the
    /// working calendar, which the SLA measure counts by.
    /// </summary>
    public Task<Outcome<ScorecardFigures>> ScorecardAsync(HubUser user, string? asOf, int? months, FieldErrors errors, CancellationToken cancellationToken)
    {
        var window = Months(months, errors);
        var today = figures.Today;
        var day = today;
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            errors.Add("asOf", "'asOf' must be a date written yyyy-MM-dd, e.g. 2027-03-31.");
        }
        else if (day > today)
        {
            errors.Add("asOf", $"'asOf' must not be after today, {today:yyyy-MM-dd}: the scorecard counts what has happened.");
        }
        else if (!errors.Any && ScorecardReader.PeriodsTo(day, window).Previous.First is var earliest && !calendar.YearsCovered.Contains(earliest.Year))
        {
            errors.Add("asOf", $"'asOf' and 'months' reach back to {earliest:yyyy-MM-dd} (the previous period's start), a year the working calendar does not cover ({calendar.YearsCovered[0]} to {calendar.YearsCovered[^1]}).");
        }

        return ReadAsync(errors, () => scorecard.ReadAsync(user.TenantId, day, window, cancellationToken));
    }

    /// <summary>
    /// One table as a CSV file named for the table and the day its figures are as of; an unknown table is not found.
    /// The upcoming events' file holds the page asked for, as the API's JSON does.
    /// </summary>
    public async Task<Outcome<BoardCsvFile>> CsvAsync(string? table, BoardQuery query, HubUser user, FieldErrors errors, CancellationToken cancellationToken) =>
        table switch
        {
            EscalationsTable => Csv(table, await EscalationCountsAsync(user, errors, cancellationToken), BoardCsv.Escalations, f => f.AsOf),
            TimelinessTable => Csv(table, await TimelinessAsync(user, query.Months, errors, cancellationToken), BoardCsv.Timeliness, _ => figures.Today),
            DeclinesTable => Csv(table, await DeclinesAsync(user, query.Months, errors, cancellationToken), BoardCsv.Declines, f => f.To),
            UpcomingTable => Csv(table, await UpcomingAsync(user, query.Days, query.Page, query.PageSize, errors, cancellationToken), BoardCsv.Upcoming, f => f.From),
            TrendTable => Csv(table, await TrendAsync(user, query.Months, errors, cancellationToken), BoardCsv.Trend, _ => figures.Today),
            ScorecardTable => Csv(table, await ScorecardAsync(user, query.AsOf, query.Months, errors, cancellationToken), BoardCsv.Scorecard, f => f.AsOf),
            _ => new Outcome<BoardCsvFile>.NotFound(),
        };

    /// <summary>The young person's name, age and the referral, for a purpose that is recorded in the audit log as the read's basis.</summary>
    public async Task<Outcome<CaseOpening>> OpenCaseAsync(Guid referralId, OpenCase request, HubUser user, CancellationToken cancellationToken)
    {
        var purpose = request.Purpose?.Trim();
        if (purpose is null || purpose.Length is < PurposeMinLength or > PurposeMaxLength)
        {
            var errors = new FieldErrors();
            errors.Add("purpose", $"'purpose' is required: why you are opening this case, {PurposeMinLength} to {PurposeMaxLength} characters. It is recorded in the audit log.");
            return new Outcome<CaseOpening>.Invalid(errors);
        }

        var referral = await db.Referrals
            .Include(r => r.Legs)
            .Include(r => r.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        var person = referral is null
            ? null
            : await db.YoungPeople.SingleOrDefaultAsync(p => p.Id == referral.YoungPersonId, cancellationToken);
        if (referral is null || person is null)
        {
            return new Outcome<CaseOpening>.NotFound();
        }

        await audit.RecordReadAsync(user, "board-case", referral.Id, person.Id, purpose, cancellationToken);
        logger.LogInformation("Board case: referral {ReferralId} opened by {UserId} with a recorded purpose", referral.Id, user.Id);
        return new Outcome<CaseOpening>.Done(new CaseOpening(
            referral.Id, person.Id, person.GivenName, person.FamilyName, person.AgeOn(figures.Today), purpose,
            clock.GetUtcNow(), ReferralDetails.From(referral)));
    }

    static int Months(int? months, FieldErrors errors)
    {
        if (months is < 1 or > 60)
        {
            errors.Add("months", "'months' must be from 1 to 60.");
        }

        return months ?? DefaultMonths;
    }

    static BoardPage Page(int? page, int? pageSize, FieldErrors errors)
    {
        if (page is < 1 or > BoardPage.MaxNumber)
        {
            errors.Add("page", $"'page' must be from 1 to {BoardPage.MaxNumber}.");
        }

        if (pageSize is < 1 or > BoardPage.MaxSize)
        {
            errors.Add("pageSize", $"'pageSize' must be from 1 to {BoardPage.MaxSize}.");
        }

        return new BoardPage(page ?? 1, pageSize ?? BoardPage.DefaultSize);
    }

    static async Task<Outcome<T>> ReadAsync<T>(FieldErrors errors, Func<Task<T>> read) =>
        errors.Any ? new Outcome<T>.Invalid(errors) : new Outcome<T>.Done(await read());

    static Outcome<BoardCsvFile> Csv<T>(string table, Outcome<T> figures, Func<T, byte[]> csv, Func<T, DateOnly> asOf) =>
        figures.Match<Outcome<BoardCsvFile>>(
            f => new Outcome<BoardCsvFile>.Done(new BoardCsvFile(csv(f), $"board-{table}-{asOf(f):yyyy-MM-dd}.csv")),
            errors => new Outcome<BoardCsvFile>.Invalid(errors));
}

/// <summary>The query parameters of a board table: its window (<c>months</c> or <c>days</c>, up to <c>asOf</c>) and the page of a list.</summary>
public sealed record BoardQuery(int? Months = null, int? Days = null, int? Page = null, int? PageSize = null, string? AsOf = null);

/// <summary>A board table as CSV (<see cref="BoardCsv.ContentType"/>), with the name it is downloaded under.</summary>
public sealed record BoardCsvFile(byte[] Content, string FileName);
