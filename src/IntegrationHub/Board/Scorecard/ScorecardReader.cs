using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.Extensions.Options;
using static IntegrationHub.Board.Scorecard.ScorecardRows;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Board.Scorecard;

/// <summary>
/// The scorecard's figures for one local authority, counted by the database: each measure is one statement that
/// returns a row per date of birth and period (this period, the previous one), never a row per young person, leg or
/// escalation; the age bands and percentages are worked out from those few rows here. The statements name the tenant
/// themselves (raw SQL passes by the tenant query filter), as the board's other SQL does (<see cref="BoardSql"/>).
/// </summary>
public sealed class ScorecardReader(
    HubDbContext db, TenantScope tenants, IOptions<ScorecardOptions> options, IOptions<EscalationOptions> escalations,
    AgencyDefinitions agencies, NationalFigures national)
{
    public const string StatusRule =
        "Green: at or better than the target. Amber: short of it by no more than its tolerance. Red: further off. "
        + "A target of 0 is green only at 0. No data: a percentage of no one, or a median of nothing, in the period.";

    const int CurrentPeriod = 0;
    const int PreviousPeriod = 1;

    /// <summary>Statuses of a leg its agency has taken on (accepted, whatever happened after).</summary>
    static readonly string Taken = $"('{Accepted}', '{InProgress}', '{OnHold}', '{Completed}')";

    static readonly string InEet = $"({string.Join(", ", ActivityCodes.InEducationEmploymentOrTraining.Select(c => $"'{c}'"))})";

    /// <summary>The two periods of <paramref name="months"/> months ending on <paramref name="asOf"/>, the later first.</summary>
    public static (Period Current, Period Previous) PeriodsTo(DateOnly asOf, int months)
    {
        var currentFirst = asOf.AddMonths(-months).AddDays(1);
        return (new Period(currentFirst, asOf), new Period(asOf.AddMonths(-2 * months).AddDays(1), currentFirst.AddDays(-1)));
    }

    public async Task<ScorecardFigures> ReadAsync(string tenantId, DateOnly asOf, int months, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var (current, previous) = PeriodsTo(asOf, months);
        var sql = BoardSql.For(db);
        var periods = new Periods(sql, current, previous);

        var plans = await PlansAsync(sql, tenantId, periods, cancellationToken);
        var measured = new Dictionary<string, Measured>
        {
            [SuitableAccommodation] = People(plans, periods, 19, 21, p => p.Suitable),
            [Eet] = People(plans, periods, 19, 21, p => p.Eet),
            [HousingDutiesAccepted] = await HousingLegsAsync(sql, tenantId, periods, $"l.\"Status\" IN {Taken}", [], cancellationToken),
            [HousingUnacceptableDeclines] = await UnacceptableDeclinesAsync(sql, tenantId, periods, cancellationToken),
            [HousingDaysToDecision] = await DaysToHousingDecisionAsync(sql, tenantId, periods, cancellationToken),
            [SanctionsWithoutPa] = await SanctionsWithoutPaAsync(sql, tenantId, periods, cancellationToken),
            [CamhsTransitions] = await CamhsTransitionsAsync(sql, tenantId, periods, cancellationToken),
            [NhsWithinSla] = await NhsWithinSlaAsync(sql, tenantId, periods, cancellationToken),
            [ReleasesWithAccommodation] = await ReleasesWithAccommodationAsync(sql, tenantId, periods, cancellationToken),
            [TwoTrustedAdults] = People(plans, periods, 16, 25, p => p.Trusted),
            [EscalationsResolvedInTime] = await EscalationsResolvedInTimeAsync(sql, tenantId, periods, cancellationToken),
            [BoardActionsOverdue] = await BoardActionsOverdueAsync(sql, tenantId, periods, cancellationToken),
        };

        return new ScorecardFigures(asOf, months, current.First, previous.First, StatusRule,
            [.. ScorecardRows.All.Select(row => Row(tenantId, row, measured[row.Key]))]);
    }

    ScorecardRow Row(string tenantId, ScorecardRowDefinition row, Measured measured)
    {
        var target = options.Value.TargetFor(tenantId, row);
        var value = measured.Current.ValueIn(row.Unit);
        var before = measured.Previous.ValueIn(row.Unit);
        return new ScorecardRow(
            row.Key, row.Title, row.Theme, ScorecardThemes.Names[row.Theme], row.Unit, row.Measure,
            measured.Current.Met, row.Unit == ScorecardUnits.Days ? null : measured.Current.Counted, value, target, Status(value, target),
            before, value - before is { } change ? Math.Round(change, 1, MidpointRounding.AwayFromZero) : null,
            [.. measured.Bands.Select(b => new ScorecardBand(b.Band, b.Met, b.Counted, new Figure(b.Met, b.Counted, null).ValueIn(row.Unit)))],
            national.For(row.Key),
            options.Value.ChampionFor(tenantId, row.Theme));
    }

    /// <summary>The status of <see cref="StatusRule"/>.</summary>
    public static string Status(double? value, ScorecardTarget target)
    {
        if (value is not { } v)
        {
            return ScorecardStatuses.NoData;
        }

        // How far short of the target: 0 or less meets it.
        var shortBy = target.Direction == ScorecardDirections.Higher ? target.Value - v : v - target.Value;
        return shortBy <= 0 ? ScorecardStatuses.Green
            : target.Value > 0 && shortBy <= target.Tolerance ? ScorecardStatuses.Amber
            : ScorecardStatuses.Red;
    }

    /// <summary>
    /// Every young person of 16 to 25 at either period's end whose record the hub held by then, by date of birth: how
    /// many there are and how many of them each measure of their latest pathway plan version by then counts (no version
    /// by then counts as not recorded). A period that ended before the hub knew anyone has no one to count, not a 0%.
    /// </summary>
    async Task<List<PlanRow>> PlansAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        var args = new SqlArguments();
        var tenant = args.Add(tenantId);
        string Snapshot(int period, Period shown)
        {
            var cutoff = args.Add(sql.Time(shown.End));
            return $"""
                SELECT p."DateOfBirth" AS "Born", CAST({period} AS BIGINT) AS "Period", CAST(COUNT(*) AS BIGINT) AS "Counted",
                    CAST(SUM(CASE WHEN v."Accommodation_Suitable" = TRUE THEN 1 ELSE 0 END) AS BIGINT) AS "Suitable",
                    CAST(SUM(CASE WHEN v."Activity_Code" IN {InEet} THEN 1 ELSE 0 END) AS BIGINT) AS "Eet",
                    CAST(SUM(CASE WHEN v."TrustedAdults" = '{TrustedAdultsAnswers.Yes}' THEN 1 ELSE 0 END) AS BIGINT) AS "Trusted"
                FROM young_people AS p
                LEFT JOIN pathway_plan_versions AS v ON v."YoungPersonId" = p."Id" AND v."CreatedAt" < {cutoff}
                    AND NOT EXISTS (SELECT 1 FROM pathway_plan_versions AS later
                        WHERE later."YoungPersonId" = p."Id" AND later."CreatedAt" < {cutoff} AND later."Number" > v."Number")
                WHERE p."TenantId" = {tenant} AND p."CreatedAt" < {cutoff} AND p."DateOfBirth" > {args.Add(sql.Date(shown.Last.AddYears(-26)))} AND p."DateOfBirth" <= {args.Add(sql.Date(shown.Last.AddYears(-16)))}
                GROUP BY p."DateOfBirth"
                """;
        }

        var statement = $"{Snapshot(CurrentPeriod, periods.Current)}\nUNION ALL\n{Snapshot(PreviousPeriod, periods.Previous)}";
        return await sql.ReadAsync<PlanRow>(db, statement, args.ToArray(), cancellationToken);
    }

    static Measured People(List<PlanRow> plans, Periods periods, int fromAge, int toAge, Func<PlanRow, long> met)
    {
        IEnumerable<CountRow> Of(int period) => plans
            .Where(p => p.Period == period && AgeOn(p.Born, periods.Of(period).Last) is var age && age >= fromAge && age <= toAge)
            .Select(p => new CountRow { Born = p.Born, Period = period, Counted = p.Counted, Met = met(p) });
        return Measured.From([.. Of(CurrentPeriod), .. Of(PreviousPeriod)], periods);
    }

    /// <summary>Housing legs decided in either period, by the young person's date of birth: how many, and how many <paramref name="met"/> holds for.</summary>
    async Task<Measured> HousingLegsAsync(BoardSql sql, string tenantId, Periods periods, string met, object[] metArguments, CancellationToken cancellationToken)
    {
        var args = new SqlArguments(metArguments);
        var statement = periods.CountByBirth(args, $"""
            legs AS l JOIN referrals AS r ON r."Id" = l."ReferralId" JOIN young_people AS p ON p."Id" = r."YoungPersonId"
            WHERE l."TenantId" = {args.Add(tenantId)} AND l."Agency" = {args.Add(AgencyCodes.Housing)}
            """, "l.\"DecidedAt\"", PeriodColumn.Time, met);
        return Measured.From(await sql.ReadAsync<CountRow>(db, statement, args.ToArray(), cancellationToken), periods);
    }

    Task<Measured> UnacceptableDeclinesAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        var reasons = escalations.Value.UnacceptableDeclines.GetValueOrDefault(AgencyCodes.Housing) ?? [];
        // The reasons are configuration: passed as parameters {0} to {n - 1}, before the statement's own.
        var met = reasons.Length == 0
            ? "1 = 0"
            : $"l.\"Status\" = '{Rejected}' AND l.\"ReasonCode\" IN ({string.Join(", ", reasons.Select((_, i) => $"{{{i}}}"))})";
        return HousingLegsAsync(sql, tenantId, periods, met, [.. reasons], cancellationToken);
    }

    /// <summary>The median calendar days from referral to decision of the housing legs decided in each period; an answer dated before the referral counts as immediate.</summary>
    async Task<Measured> DaysToHousingDecisionAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        var args = new SqlArguments();
        var statement = $"""
            WITH measured AS (
                SELECT CASE WHEN l."DecidedAt" >= {args.Add(sql.Time(periods.Current.Start))} THEN {CurrentPeriod} ELSE {PreviousPeriod} END AS period,
                    l."{Leg.HoursToDecideColumn}" / 24.0 AS value
                FROM legs AS l
                WHERE l."TenantId" = {args.Add(tenantId)} AND l."Agency" = {args.Add(AgencyCodes.Housing)}
                    AND l."DecidedAt" >= {args.Add(sql.Time(periods.Previous.Start))} AND l."DecidedAt" < {args.Add(sql.Time(periods.Current.End))}
            )
            {sql.PeriodMedians("measured")}
            """;
        var middles = await sql.ReadAsync<MedianRow>(db, statement, args.ToArray(), cancellationToken);
        Figure Of(int period) => middles.Where(m => m.Period == period).ToList() is { Count: > 0 } rows
            ? new Figure((int)rows[0].Counted, (int)rows[0].Counted, rows.Average(r => r.Value))
            : new Figure(0, 0, null);
        return new Measured(Of(CurrentPeriod), Of(PreviousPeriod), []);
    }

    /// <summary>
    /// Proposed sanctions whose start date is in each period and which the PA had not answered by that day. The
    /// PA's answer is a time, compared as the UK date it falls on.
    /// </summary>
    async Task<Measured> SanctionsWithoutPaAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        var args = new SqlArguments();
        var statement = periods.CountByBirth(args, $"""
            leg_facts AS f JOIN referrals AS r ON r."Id" = f."ReferralId" JOIN young_people AS p ON p."Id" = r."YoungPersonId"
            WHERE f."TenantId" = {args.Add(tenantId)} AND f."Kind" = '{LegFactKinds.SanctionProposed}'
            """, "f.\"Date\"", PeriodColumn.Date, $"f.\"RespondedAt\" IS NULL OR {sql.UkDate("f.\"RespondedAt\"")} > f.\"Date\"");
        return Measured.From(await sql.ReadAsync<CountRow>(db, statement, args.ToArray(), cancellationToken), periods);
    }

    /// <summary>
    /// Young people who turned 18 in each period (their dates of birth 18 years before it) and were open to CAMHS, and
    /// of them those with an adult mental health leg accepted before the UK date of their 18th birthday: the NHS's
    /// before-18 safeguard (<see cref="BeforeEighteen"/> of a CAMHS cohort), measured after the event.
    /// </summary>
    async Task<Measured> CamhsTransitionsAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        var safeguard = agencies.All
            .SelectMany(a => a.Safeguards.OfType<BeforeEighteen>().Select(s => (Agency: a.Code, s.Who, s.Service)))
            .SingleOrDefault(s => s.Who is OpenTo { Service: OrganisationServices.Camhs });
        if (safeguard is not (var agency, OpenTo cohort, var service))
        {
            return Measured.Nothing;
        }

        var args = new SqlArguments();
        var statement = periods.CountByBirth(args, $"""
            young_people AS p
            WHERE p."TenantId" = {args.Add(tenantId)} AND EXISTS (
                SELECT 1 FROM legs AS c JOIN referrals AS cr ON cr."Id" = c."ReferralId"
                WHERE cr."YoungPersonId" = p."Id" AND c."Agency" = {args.Add(cohort.Agency)} AND c."{Leg.RecipientServiceColumn}" = {args.Add(OrganisationServices.Camhs)}
                    AND c."Status" IN {Taken})
            """, "p.\"DateOfBirth\"", PeriodColumn.DateOfBirthAt18, $"""
            EXISTS (
                SELECT 1 FROM legs AS a JOIN referrals AS ar ON ar."Id" = a."ReferralId"
                WHERE ar."YoungPersonId" = p."Id" AND a."Agency" = {args.Add(agency)} AND a."{Leg.RecipientServiceColumn}" = {args.Add(service ?? "")}
                    AND a."Status" IN {Taken} AND a."{Leg.DecidedOnColumn}" < {sql.AddYears("p.\"DateOfBirth\"", 18)})
            """);
        return Measured.From(await sql.ReadAsync<CountRow>(db, statement, args.ToArray(), cancellationToken), periods);
    }

    /// <summary>NHS legs decided in each period, and those decided by the end of the last working day of the tenant's NHS SLA (as the board's timeliness counts it).</summary>
    async Task<Measured> NhsWithinSlaAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        var args = new SqlArguments();
        var days = escalations.Value.SlaFor(tenantId, AgencyCodes.Nhs).DecideWithin;
        var statement = periods.CountByBirth(args, $"""
            legs AS l JOIN referrals AS r ON r."Id" = l."ReferralId" JOIN young_people AS p ON p."Id" = r."YoungPersonId"
            LEFT JOIN calendar_days AS made_on ON made_on."Date" = l."{Leg.ReferralMadeOnColumn}"
            LEFT JOIN calendar_days AS decided_on ON decided_on."Date" = l."{Leg.DecidedOnColumn}"
            WHERE l."TenantId" = {args.Add(tenantId)} AND l."Agency" = {args.Add(AgencyCodes.Nhs)}
            """, "l.\"DecidedAt\"", PeriodColumn.Time, $"decided_on.\"WorkingDaysBefore\" < made_on.\"WorkingDaysThrough\" + {args.Add(days)}");
        return Measured.From(await sql.ReadAsync<CountRow>(db, statement, args.ToArray(), cancellationToken), periods);
    }

    /// <summary>
    /// Releases from custody dated in each period (each leg's latest report, as the board's upcoming list takes it; a
    /// cancelled leg's none), and those of young people with a housing leg accepted on or before the UK date the housing
    /// agency's before-release safeguard days before the release.
    /// </summary>
    async Task<Measured> ReleasesWithAccommodationAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        if (!agencies.Contains(AgencyCodes.Housing) || agencies.For(AgencyCodes.Housing).Safeguards.OfType<BeforeCustodyRelease>().SingleOrDefault() is not { } safeguard)
        {
            return Measured.Nothing;
        }

        var daysBefore = safeguard.DaysBefore;
        var args = new SqlArguments();
        var statement = periods.CountByBirth(args, $"""
            leg_facts AS f JOIN legs AS fl ON fl."Id" = f."LegId" JOIN referrals AS r ON r."Id" = f."ReferralId" JOIN young_people AS p ON p."Id" = r."YoungPersonId"
            WHERE f."TenantId" = {args.Add(tenantId)} AND f."Kind" = '{LegFactKinds.CustodyReleasePlanned}' AND fl."Status" <> '{Cancelled}'
                AND NOT EXISTS (SELECT 1 FROM leg_facts AS later WHERE later."LegId" = f."LegId" AND later."Kind" = f."Kind"
                    AND (later."RecordedAt" > f."RecordedAt" OR (later."RecordedAt" = f."RecordedAt" AND later."Id" > f."Id")))
            """, "f.\"Date\"", PeriodColumn.Date, $"""
            EXISTS (
                SELECT 1 FROM legs AS h JOIN referrals AS hr ON hr."Id" = h."ReferralId"
                WHERE hr."YoungPersonId" = p."Id" AND h."Agency" = {args.Add(AgencyCodes.Housing)} AND h."Status" IN {Taken}
                    AND h."{Leg.DecidedOnColumn}" <= {sql.AddDays("f.\"Date\"", -daysBefore)})
            """);
        return Measured.From(await sql.ReadAsync<CountRow>(db, statement, args.ToArray(), cancellationToken), periods);
    }

    async Task<Measured> EscalationsResolvedInTimeAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        var args = new SqlArguments();
        var statement = periods.CountByBirth(args, $"""
            escalations AS e LEFT JOIN young_people AS p ON p."Id" = e."YoungPersonId"
            WHERE e."TenantId" = {args.Add(tenantId)}
            """, "e.\"ResolvedAt\"", PeriodColumn.Time, "e.\"ResolvedAt\" <= e.\"DueBy\"");
        return Measured.From(await sql.ReadAsync<CountRow>(db, statement, args.ToArray(), cancellationToken), periods);
    }

    /// <summary>
    /// The board's actions still open when each period closed (decided by its end, with no progress recorded as done by
    /// then), and how many of them were overdue (due before its last day). An action is done only by its progress, so a
    /// later period's count does not change an earlier one's.
    /// </summary>
    async Task<Measured> BoardActionsOverdueAsync(BoardSql sql, string tenantId, Periods periods, CancellationToken cancellationToken)
    {
        var args = new SqlArguments();
        string OpenAtClose(int period)
        {
            var closed = periods.Of(period);
            var end = args.Add(sql.Time(closed.End));
            return $"""
                SELECT p."DateOfBirth" AS "Born", CAST({period} AS BIGINT) AS "Period", CAST(COUNT(*) AS BIGINT) AS "Counted",
                    CAST(SUM(CASE WHEN d."DueOn" < {args.Add(sql.Date(closed.Last))} THEN 1 ELSE 0 END) AS BIGINT) AS "Met"
                FROM board_decisions AS d LEFT JOIN young_people AS p ON p."Id" = d."YoungPersonId"
                WHERE d."TenantId" = {args.Add(tenantId)} AND d."DecidedAt" < {end}
                    AND NOT EXISTS (SELECT 1 FROM board_decision_progress AS g WHERE g."DecisionId" = d."Id" AND g."Status" = '{BoardDecisionStatuses.Done}' AND g."At" < {end})
                GROUP BY p."DateOfBirth"
                """;
        }

        var statement = $"{OpenAtClose(CurrentPeriod)} UNION ALL {OpenAtClose(PreviousPeriod)}";
        return Measured.From(await sql.ReadAsync<CountRow>(db, statement, args.ToArray(), cancellationToken), periods);
    }

    static int AgeOn(DateOnly? born, DateOnly date)
    {
        if (born is not { } b)
        {
            return -1;
        }

        var age = date.Year - b.Year;
        return b.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>A period of UK dates, <see cref="First"/> to <see cref="Last"/> included, and the UTC times it runs between.</summary>
    public sealed record Period(DateOnly First, DateOnly Last)
    {
        public DateTimeOffset Start => BoardFigures.UkMidnight(First);

        public DateTimeOffset End => BoardFigures.UkMidnight(Last.AddDays(1));
    }

    enum PeriodColumn
    {
        /// <summary>A time column: in a period from its first day's start to its last day's end.</summary>
        Time,

        /// <summary>A date column: in a period from its first to its last day.</summary>
        Date,

        /// <summary>A date of birth: in a period when the 18th birthday is.</summary>
        DateOfBirthAt18,
    }

    sealed class Periods(BoardSql sql, Period current, Period previous)
    {
        public Period Current => current;

        public Period Previous => previous;

        public Period Of(int period) => period == CurrentPeriod ? current : previous;

        /// <summary>
        /// A statement of rows ("Born", "Period", "Counted", "Met") over <paramref name="fromWhere"/> (tables with the young
        /// person as <c>p</c>, and a WHERE clause), keeping the rows whose <paramref name="column"/> falls in either period.
        /// </summary>
        public string CountByBirth(SqlArguments args, string fromWhere, string column, PeriodColumn kind, string met)
        {
            var (earliest, currentFrom, latest, before) = kind switch
            {
                PeriodColumn.Time => (sql.Time(previous.Start), sql.Time(current.Start), sql.Time(current.End), "<"),
                PeriodColumn.Date => (sql.Date(previous.First), sql.Date(current.First), sql.Date(current.Last), "<="),
                _ => (sql.Date(previous.First.AddYears(-18)), sql.Date(current.First.AddYears(-18)), sql.Date(current.Last.AddYears(-18)), "<="),
            };
            return $"""
                SELECT p."DateOfBirth" AS "Born", CAST(CASE WHEN {column} >= {args.Add(currentFrom)} THEN {CurrentPeriod} ELSE {PreviousPeriod} END AS BIGINT) AS "Period",
                    CAST(COUNT(*) AS BIGINT) AS "Counted", CAST(SUM(CASE WHEN {met} THEN 1 ELSE 0 END) AS BIGINT) AS "Met"
                FROM {fromWhere}
                    AND {column} >= {args.Add(earliest)} AND {column} {before} {args.Add(latest)}
                GROUP BY 1, 2
                """;
        }
    }

    /// <summary>A statement's parameters, each written into it as <c>{n}</c> when it is added.</summary>
    sealed class SqlArguments(params object[] first)
    {
        readonly List<object> values = [.. first];

        public string Add(object value)
        {
            values.Add(value);
            return $"{{{values.Count - 1}}}";
        }

        public object[] ToArray() => [.. values];
    }

    /// <summary>A measure's figure in one period: <see cref="Met"/> of <see cref="Counted"/>, or a median.</summary>
    sealed record Figure(int Met, int Counted, double? Median)
    {
        public double? ValueIn(string unit) => unit switch
        {
            ScorecardUnits.Percent => Percent(Met, Counted),
            ScorecardUnits.Count => Met,
            _ => Median is { } m ? Math.Round(m, 1, MidpointRounding.AwayFromZero) : null,
        };
    }

    static double? Percent(int met, int counted) =>
        counted == 0 ? null : Math.Round(100.0 * met / counted, 1, MidpointRounding.AwayFromZero);

    sealed record BandTally(string Band, int Met, int Counted);

    /// <summary>A measure's figures in both periods, and this period's by age band (none for a measure of time).</summary>
    sealed record Measured(Figure Current, Figure Previous, IReadOnlyList<BandTally> Bands)
    {
        /// <summary>A measure of an agency the hub has not registered: nothing to count.</summary>
        public static Measured Nothing { get; } = new(new Figure(0, 0, null), new Figure(0, 0, null), [.. AgeBands.All.Select(b => new BandTally(b, 0, 0))]);

        /// <summary>The periods' figures, and this period's split by the age band of each young person on its last day.</summary>
        public static Measured From(List<CountRow> rows, Periods periods)
        {
            Figure Of(int period) => new((int)rows.Where(r => r.Period == period).Sum(r => r.Met), (int)rows.Where(r => r.Period == period).Sum(r => r.Counted), null);
            var bands = rows.Where(r => r.Period == CurrentPeriod)
                .GroupBy(r => AgeOn(r.Born, periods.Current.Last) is var age and >= 0 ? AgeBands.For(age) : AgeBands.Other)
                .ToDictionary(g => g.Key, g => (Met: (int)g.Sum(r => r.Met), Counted: (int)g.Sum(r => r.Counted)));
            return new Measured(Of(CurrentPeriod), Of(PreviousPeriod), [.. AgeBands.All.Select(band => bands.TryGetValue(band, out var b)
                ? new BandTally(band, b.Met, b.Counted)
                : new BandTally(band, 0, 0))]);
        }
    }

    sealed class CountRow
    {
        public DateOnly? Born { get; init; }
        public long Period { get; init; }
        public long Counted { get; init; }
        public long Met { get; init; }
    }

    sealed class PlanRow
    {
        public DateOnly Born { get; init; }
        public long Period { get; init; }
        public long Counted { get; init; }
        public long Suitable { get; init; }
        public long Eet { get; init; }
        public long Trusted { get; init; }
    }

    sealed class MedianRow
    {
        public long Period { get; init; }
        public long Counted { get; init; }
        public double Value { get; init; }
    }
}
