using System.Globalization;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Board;

/// <summary>
/// The board's figures for one local authority. Counts, medians and months over a time window are computed by the
/// database (<see cref="BoardSql"/>), which returns only what is reported; the lists the board shows (open escalations,
/// the legs that have a dated event coming up) are read a page at a time (<see cref="BoardPage"/>), the escalations
/// counted by GROUP BY, the upcoming events (a bounded window of dates) counted in memory. Dates are UK dates (Europe/London), as the SLA calendar's are. Each enters the local
/// authority it is asked about, so the queries see its rows only (a request has entered its caller's already).
/// </summary>
public sealed class BoardFigures(HubDbContext db, TenantScope tenants, WorkingCalendar calendar, IOptions<EscalationOptions> escalations, AgencyDefinitions agencies, TimeProvider clock)
{
    public const string TimeZone = "Europe/London";

    /// <summary>How far ahead 18th birthdays are listed: the escalation trigger's six months.</summary>
    public const int BirthdayMonths = 6;

    public const string SlaRule =
        "Within SLA = legs decided (accepted or rejected) by the end of the last working day of the agency's decide-within SLA, "
        + "counted from the referral being made, as a percentage of legs decided plus legs still awaiting a decision (requested or received) "
        + "past that deadline: an undecided leg past its deadline counts as not within SLA. Legs still within their deadline, "
        + "and legs cancelled or failed before a decision, are not counted.";

    static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
    static readonly string[] OpenOrAccepted = [Requested, Received, Accepted, InProgress, OnHold];
    static readonly string[] ReportedEvents = [LegFactKinds.CustodyReleasePlanned, LegFactKinds.TransitionToProbationDue];

    /// <summary>Today's date in the UK.</summary>
    public DateOnly Today => UkDate(clock.GetUtcNow());

    /// <summary>
    /// The open escalations counted by the database (a GROUP BY each, the age bands from the young people's dates of
    /// birth, at most one row per date), and one page of their cases: most urgent first (level, then due by, then id).
    /// </summary>
    public async Task<EscalationFigures> EscalationsAsync(string tenantId, BoardPage page, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var today = Today;
        var open = db.Escalations.Where(e => e.ResolvedAt == null);
        var byLevel = await open.GroupBy(e => e.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count, cancellationToken);
        var byTheme = await open.GroupBy(e => e.Theme).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byAgency = await open.GroupBy(e => e.Agency).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byBirth = await (
            from e in open
            join p in db.YoungPeople on e.YoungPersonId equals p.Id into people
            from person in people.DefaultIfEmpty()
            group e by (DateOnly?)person.DateOfBirth into born
            select new { Born = born.Key, Count = born.Count() })
            .ToListAsync(cancellationToken);
        var byAgeBand = byBirth
            .GroupBy(b => b.Born is { } born ? AgeBands.For(AgeOn(born, today)) : AgeBands.Other)
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
        var cases = await open
            .OrderByDescending(e => e.Level).ThenBy(e => e.DueBy).ThenBy(e => e.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(e => new EscalationCase(e.Id, e.ReferralId, e.LegId, e.Level, e.Theme, e.Agency, e.ReasonCode, e.Owner, e.RaisedAt, e.DueBy))
            .ToListAsync(cancellationToken);

        return new EscalationFigures(
            today,
            byLevel.Values.Sum(),
            Tally(Enumerable.Range(1, EscalationLadder.TopLevel).Select(l => l.ToString(CultureInfo.InvariantCulture)), byLevel),
            Tally(AgencyThemes.All, byTheme),
            Tally(agencies.Codes, byAgency),
            Tally(AgeBands.All, byAgeBand),
            cases,
            page.Number,
            page.Size);
    }

    public async Task<TimelinessFigures> TimelinessAsync(string tenantId, int months, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var now = clock.GetUtcNow();
        var since = now.AddMonths(-months);
        var slas = agencies.Codes.Select(agency => (Agency: agency, Days: escalations.Value.SlaFor(tenantId, agency).DecideWithin)).ToList();

        // The deadlines are counted in SQL over the calendar days table, which holds the years the calendar covers: a
        // window or a deadline outside them fails here, as the calendar does, instead of counting wrongly.
        _ = calendar.IsWorkingDay(UkDate(since));
        _ = calendar.DeadlineFor(now, slas.Max(s => s.Days));

        var sql = BoardSql.For(db);
        var parameters = new List<object> { tenantId, sql.Time(since), sql.Date(UkDate(now)) };
        var deadlines = slas.Select(s =>
        {
            parameters.AddRange([s.Agency, s.Days]);
            return ($"{{{parameters.Count - 2}}}", $"{{{parameters.Count - 1}}}");
        }).ToList();
        var rows = await sql.ReadAsync<TimelinessRow>(db, TimelinessSql(sql, deadlines), [.. parameters], cancellationToken);

        var byAgency = slas.Select(s =>
        {
            var counts = rows.SingleOrDefault(r => r.Agency == s.Agency && r.Middle is null);
            var toAcknowledge = Median(rows.Where(r => r.Agency == s.Agency && r.Middle == AcknowledgeMiddle));
            var toDecide = Median(rows.Where(r => r.Agency == s.Agency && r.Middle == DecideMiddle));
            var decided = (int)(counts?.Decided ?? 0);
            var within = (int)(counts?.DecidedWithinSla ?? 0);
            var pastDeadline = (int)(counts?.UndecidedPastDeadline ?? 0);
            var counted = decided + pastDeadline;
            return new AgencyTimeliness(
                s.Agency,
                (int)(counts?.Legs ?? 0),
                (int)(counts?.Acknowledged ?? 0),
                Hours(toAcknowledge),
                Days(toAcknowledge),
                decided,
                Hours(toDecide),
                Days(toDecide),
                within,
                decided - within,
                pastDeadline,
                counted == 0 ? null : Math.Round(100.0 * within / counted, 1, MidpointRounding.AwayFromZero));
        }).ToList();

        return new TimelinessFigures(now, since, SlaRule, byAgency);
    }

    const string AcknowledgeMiddle = "acknowledge";
    const string DecideMiddle = "decide";

    /// <summary>
    /// Each agency's counts in one row, and its medians of the hours to acknowledge and to decide in rows of their own
    /// (<see cref="BoardSql.AgencyRows"/>): never a leg's row. Parameters: {0} the tenant, {1} the window's start,
    /// {2} today's UK date; <paramref name="deadlines"/> gives each agency's parameters: its code and its decide-within working days.
    /// A leg's answers are its first acknowledgement and first decision, which the leg keeps (<see cref="Leg.AcknowledgedAt"/>,
    /// <see cref="Leg.DecidedAt"/>) with the hours to each and their UK dates beside them (<see cref="Leg.HoursToDecideColumn"/>
    /// and the others), so the legs of the window are read from one index and no timeline entry is; an answer dated
    /// before the referral (an agency's clock) counts as immediate. A decision is within the SLA when the working days
    /// before its UK date are fewer than those through the referral's UK date plus the SLA's (<see cref="CalendarDay"/>).
    /// </summary>
    static string TimelinessSql(BoardSql sql, IReadOnlyList<(string Agency, string Days)> deadlines) => sql.AgencyRows(
        deadlines,
        days => $"""
            COUNT(*) AS "Legs", COUNT(l."{Leg.HoursToAcknowledgeColumn}") AS "Acknowledged", COUNT(l."{Leg.HoursToDecideColumn}") AS "Decided",
            SUM(CASE WHEN l."{Leg.DecidedOnColumn}" IS NOT NULL AND decided_on."WorkingDaysBefore" < made_on."WorkingDaysThrough" + {days} THEN 1 ELSE 0 END) AS "DecidedWithinSla",
            SUM(CASE WHEN l."{Leg.DecidedOnColumn}" IS NULL AND l."Status" IN ('{Requested}', '{Received}')
                AND (SELECT today."WorkingDaysBefore" FROM calendar_days AS today WHERE today."Date" = {"{2}"}) >= made_on."WorkingDaysThrough" + {days} THEN 1 ELSE 0 END) AS "UndecidedPastDeadline"
            """,
        $"""
            legs AS l
            LEFT JOIN calendar_days AS made_on ON made_on."Date" = l."{Leg.ReferralMadeOnColumn}"
            LEFT JOIN calendar_days AS decided_on ON decided_on."Date" = l."{Leg.DecidedOnColumn}"
            """,
        """l."TenantId" = {0} AND l."ReferralMadeAt" >= {1}""",
        ($"l.\"{Leg.HoursToAcknowledgeColumn}\"", AcknowledgeMiddle),
        ($"l.\"{Leg.HoursToDecideColumn}\"", DecideMiddle));

    public async Task<DeclineFigures> DeclinesAsync(string tenantId, int months, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var now = clock.GetUtcNow();
        var since = now.AddMonths(-months);
        // The legs' tenant filter reaches their referrals already: no join of its own.
        var declines = await db.Legs
            .Where(leg => leg.Status == Rejected && leg.UpdatedAt >= since)
            .GroupBy(leg => new { leg.Agency, leg.ReasonCode })
            .Select(reason => new { reason.Key.Agency, reason.Key.ReasonCode, Count = reason.Count() })
            .ToListAsync(cancellationToken);
        var counts = declines
            .GroupBy(d => (d.Agency, ReasonCode: d.ReasonCode ?? "unspecified"))
            .Select(g => new DeclineCount(g.Key.Agency, g.Key.ReasonCode, g.Sum(d => d.Count)))
            .OrderBy(d => d.Agency, StringComparer.Ordinal).ThenByDescending(d => d.Count).ThenBy(d => d.ReasonCode, StringComparer.Ordinal)
            .ToList();
        return new DeclineFigures(
            UkDate(since),
            UkDate(now),
            counts.Sum(d => d.Count),
            Tally(agencies.Codes, counts.GroupBy(d => d.Agency).ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal)),
            counts);
    }

    /// <summary>
    /// The events coming up, counted, and one page of them. The events are few (a window of dates, young people about
    /// to turn 18), so they are put in order here, after the database has kept to them: reported dates by their index,
    /// birthdays by the dates of birth the legs keep (<see cref="Leg.YoungPersonBornOn"/>), from one index of legs.
    /// </summary>
    public async Task<UpcomingFigures> UpcomingAsync(string tenantId, int days, BoardPage page, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var today = Today;
        var to = today.AddDays(days);
        var birthdaysTo = today.AddMonths(BirthdayMonths);

        // Legs with a release or transition reported in the window; then every report for them, as a later one replaces an earlier.
        var legIds = await db.LegFacts
            .Where(f => ReportedEvents.Contains(f.Kind) && f.Date >= today && f.Date <= to)
            .Select(f => f.LegId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var reports = await (
            from fact in db.LegFacts
            join leg in db.Legs on fact.LegId equals leg.Id
            join referral in db.Referrals on fact.ReferralId equals referral.Id
            where legIds.Contains(fact.LegId) && ReportedEvents.Contains(fact.Kind) && leg.Status != Cancelled
            select new { fact.Id, fact.LegId, fact.Kind, fact.Date, fact.RecordedAt, fact.Agency, fact.ReferralId, referral.YoungPersonId })
            .ToListAsync(cancellationToken);
        var reported = reports
            .GroupBy(f => (f.LegId, f.Kind))
            .Select(g => g.OrderByDescending(f => f.RecordedAt).ThenByDescending(f => f.Id).First())
            .Where(f => f.Date >= today && f.Date <= to)
            .Select(f => new UpcomingEvent(f.Date, f.Kind, f.Agency, f.ReferralId, f.LegId, f.YoungPersonId));

        // Born on or after this day 18 years ago: not yet 18. The window is widened by a day for 29 February and checked exactly below.
        var bornFrom = today.AddYears(-18).AddDays(-1);
        var bornTo = birthdaysTo.AddYears(-18);
        // The services whose young people move on at 18: the cohorts of the agencies' before-18 safeguards.
        var movingOn = agencies.All.SelectMany(a => a.Safeguards).OfType<BeforeEighteen>().Select(s => s.Who).OfType<OpenTo>().Distinct().ToList();
        var movingAgencies = movingOn.Select(c => c.Agency).Distinct().ToList();
        var open = await db.Legs
            .Where(leg => movingAgencies.Contains(leg.Agency) && OpenOrAccepted.Contains(leg.Status)
                && leg.YoungPersonBornOn >= bornFrom && leg.YoungPersonBornOn <= bornTo)
            .Select(leg => new
            {
                leg.ReferralId,
                LegId = leg.Id,
                leg.Agency,
                Service = EF.Property<string?>(leg, Leg.RecipientServiceColumn),
                leg.YoungPersonId,
                DateOfBirth = leg.YoungPersonBornOn,
                leg.ReferralMadeAt,
            })
            .ToListAsync(cancellationToken);

        // The cohorts pair an agency with a service, or with none for all its services: told apart here, among the few.
        var birthdays = open
            .Where(p => movingOn.Any(c => c.Agency == p.Agency && (c.Service is null || c.Service == p.Service)))
            .Where(p => p.DateOfBirth.AddYears(18) >= today && p.DateOfBirth.AddYears(18) <= birthdaysTo)
            .OrderByDescending(p => p.ReferralMadeAt)
            .DistinctBy(p => (p.YoungPersonId, p.Agency))
            .Select(p => new UpcomingEvent(p.DateOfBirth.AddYears(18), UpcomingKinds.EighteenthBirthday, p.Agency, p.ReferralId, p.LegId, p.YoungPersonId));

        var events = reported.Concat(birthdays).ToList();
        return new UpcomingFigures(
            today,
            to,
            birthdaysTo,
            [.. events.OrderBy(e => e.Date).ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.ReferralId).Skip(page.Skip).Take(page.Size)],
            events.Count,
            Tally(UpcomingKinds.All, events.CountBy(e => e.Kind).ToDictionary(StringComparer.Ordinal)),
            page.Number,
            page.Size);
    }

    public async Task<TrendFigures> TrendAsync(string tenantId, int months, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var today = Today;
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(months - 1));
        var sql = BoardSql.For(db);
        var parameters = new List<object> { tenantId };
        var monthRows = string.Join(" UNION ALL ", Enumerable.Range(0, months).Select(i =>
        {
            var month = firstMonth.AddMonths(i);
            parameters.AddRange([MonthOf(month), sql.Time(UkMidnight(month)), sql.Time(UkMidnight(month.AddMonths(1)))]);
            return $"SELECT {{{parameters.Count - 3}}} AS month, {{{parameters.Count - 2}}} AS starts, {{{parameters.Count - 1}}} AS ends";
        }));
        var counts = (await sql.ReadAsync<TrendRow>(db, TrendSql(monthRows), [.. parameters], cancellationToken)).ToDictionary(r => r.Month);
        return new TrendFigures(TimeZone, [.. Enumerable.Range(0, months).Select(i =>
        {
            var month = MonthOf(firstMonth.AddMonths(i));
            var row = counts.GetValueOrDefault(month);
            return new TrendMonth(month, (int)(row?.Referrals ?? 0), (int)(row?.Decided ?? 0), (int)(row?.Raised ?? 0), (int)(row?.Resolved ?? 0));
        })]);
    }

    /// <summary>
    /// How many of each series happened in each UK month, for tenant {0}: <paramref name="monthRows"/> gives each month
    /// with the UTC instants it starts and ends at, and each count is a range of an index that starts with the tenant
    /// and the time, so no row is read and no time is converted. A leg is decided once (<see cref="LegLifecycle"/>), so
    /// its <see cref="Leg.DecidedAt"/> counts its decision.
    /// </summary>
    static string TrendSql(string monthRows) => $"""
        SELECT m.month AS "Month",
            (SELECT COUNT(*) FROM referrals AS r WHERE r."TenantId" = {"{0}"} AND r."CreatedAt" >= m.starts AND r."CreatedAt" < m.ends) AS "Referrals",
            (SELECT COUNT(*) FROM legs AS l WHERE l."TenantId" = {"{0}"} AND l."DecidedAt" >= m.starts AND l."DecidedAt" < m.ends) AS "Decided",
            (SELECT COUNT(*) FROM escalations AS e WHERE e."TenantId" = {"{0}"} AND e."RaisedAt" >= m.starts AND e."RaisedAt" < m.ends) AS "Raised",
            (SELECT COUNT(*) FROM escalations AS e WHERE e."TenantId" = {"{0}"} AND e."ResolvedAt" >= m.starts AND e."ResolvedAt" < m.ends) AS "Resolved"
        FROM ({monthRows}) AS m
        """;

    /// <summary>The instant a UK date begins (midnight in London is never skipped: the clocks change at 01:00 UTC).</summary>
    internal static DateTimeOffset UkMidnight(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, UkTime.GetUtcOffset(midnight)).ToUniversalTime();
    }

    static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    static DateOnly UkDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkTime).DateTime);

    static int AgeOn(DateOnly born, DateOnly date)
    {
        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>The counts by key: every known key first (with 0 when none), then any other key found.</summary>
    static List<Tally> Tally(IEnumerable<string> knownKeys, Dictionary<string, int> counts)
    {
        var known = knownKeys.ToList();
        return [.. known.Select(k => new Tally(k, counts.GetValueOrDefault(k))),
            .. counts.Keys.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => new Tally(k, counts[k]))];
    }

    /// <summary>The median from the middle value, or the mean of the middle two, that the query ranked.</summary>
    static double? Median(IEnumerable<TimelinessRow> middle) =>
        middle.Select(r => r.Hours!.Value).Order().ToList() switch
        {
            [] => null,
            [var one] => one,
            [var lower, var upper] => (lower + upper) / 2,
            var more => throw new InvalidOperationException($"The timeliness query gave {more.Count} middle values; a median has one or two."),
        };

    static double? Hours(double? hours) => hours is { } h ? Math.Round(h, 1, MidpointRounding.AwayFromZero) : null;

    static double? Days(double? hours) => hours is { } h ? Math.Round(h / 24, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>A row of <see cref="TimelinessSql"/>: an agency's counts, or (with <see cref="Middle"/>) one of its middle hours.</summary>
    sealed class TimelinessRow
    {
        public string Agency { get; init; } = "";
        public long? Legs { get; init; }
        public long? Acknowledged { get; init; }
        public long? Decided { get; init; }
        public long? DecidedWithinSla { get; init; }
        public long? UndecidedPastDeadline { get; init; }
        public string? Middle { get; init; }
        public double? Hours { get; init; }
    }

    sealed class TrendRow
    {
        public string Month { get; init; } = "";
        public long Referrals { get; init; }
        public long Decided { get; init; }
        public long Raised { get; init; }
        public long Resolved { get; init; }
    }
}
