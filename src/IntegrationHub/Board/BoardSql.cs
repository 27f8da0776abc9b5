using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IntegrationHub.Board;

/// <summary>
/// What the board's SQL says differently on each database: how a time is passed and subtracted, and which UK date it
/// falls on. The board's statements are written once around these pieces (<see cref="BoardFigures"/>), so each figure
/// is computed the same way on PostgreSQL (production) and SQLite (embedded, and the tests).
/// </summary>
abstract class BoardSql
{
    public static BoardSql For(HubDbContext db) => db is PostgresHubDbContext ? new Postgres() : new Sqlite();

    /// <summary>Runs one of the board's statements and reads its rows.</summary>
    public virtual Task<List<T>> ReadAsync<T>(HubDbContext db, string statement, object[] parameters, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<T>(statement, parameters).ToListAsync(cancellationToken);

    /// <summary>A time as a parameter compared with the hub's time columns.</summary>
    public abstract object Time(DateTimeOffset at);

    /// <summary>A date as a parameter compared with a <see cref="CalendarDay.Date"/>.</summary>
    public abstract object Date(DateOnly date);

    /// <summary>
    /// Whether the database stores a leg's computed columns (<see cref="Referrals.Leg.ReferralMadeOnColumn"/> and the
    /// others the board reads) as it writes the leg, or computes them each time it reads the leg.
    /// </summary>
    public abstract bool StoresComputedColumns { get; }

    /// <summary>
    /// The hours from a leg's referral being made to one of its answers' time columns, as the double that
    /// <see cref="TimeSpan.TotalHours"/> gives: 0 for an answer dated before the referral (an agency's clock), NULL for none.
    /// </summary>
    public abstract string HoursToAnswer(string at);

    /// <summary>The UK (Europe/London) date a time column falls on, comparable with <see cref="CalendarDay.Date"/>.</summary>
    public abstract string UkDate(string at);

    /// <summary>
    /// Each of <paramref name="agencies"/>' row of <paramref name="counts"/> (a select list of five counts, given the
    /// agency's expression of days) over the legs (<c>l</c>) of <paramref name="from"/> that meet <paramref name="where"/>,
    /// then rows of (agency, five NULLs, a median's name, hours) that give the agency's median of each column of
    /// <paramref name="medians"/> (NULLs left out): the median itself, or the middle one or two values, whose mean is the median.
    /// </summary>
    /// <param name="agencies">Each agency's code and its days, as parameters.</param>
    public abstract string AgencyRows(IReadOnlyList<(string Agency, string Days)> agencies, Func<string, string> counts, string from, string where, params (string Column, string Name)[] medians);

    /// <summary>
    /// Rows of ("Period", "Counted", "Value") over the rows (period, value) of <paramref name="from"/>: each period's count,
    /// with its median value, or its middle one or two values, whose mean is the median (<see cref="Scorecard.ScorecardReader"/>).
    /// </summary>
    public abstract string PeriodMedians(string from);

    /// <summary>A date expression so many years on (a 29 February birthday falls as each database has it).</summary>
    public abstract string AddYears(string date, int years);

    /// <summary>A date expression so many days on (or back, when negative).</summary>
    public abstract string AddDays(string date, int days);

    sealed class Postgres : BoardSql
    {
        /// <summary>
        /// Without just-in-time compilation: the planner's cost of a statement over a million legs turns it on, and
        /// compiling took longer (about 150 ms) than it saved on the few hundred thousand rows of a window. And planned
        /// for its own parameters every time: the hub's connections prepare a statement run often
        /// (<see cref="Persistence.PostgresConnection"/>), and PostgreSQL may then plan it once for any window, which
        /// suits a window of a few days and a window of two years alike badly. Both set for the statement's own transaction only.
        /// </summary>
        public override async Task<List<T>> ReadAsync<T>(HubDbContext db, string statement, object[] parameters, CancellationToken cancellationToken)
        {
            if (db.Database.CurrentTransaction is not null)
            {
                return await base.ReadAsync<T>(db, statement, parameters, cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
            return await base.ReadAsync<T>(db, statement, parameters, cancellationToken);
        }

        public override object Time(DateTimeOffset at) => at.ToUniversalTime();

        public override object Date(DateOnly date) => date;

        public override bool StoresComputedColumns => true;

        // Exact microseconds (the interval between two times, whose epoch, unlike a time's, is immutable: a stored
        // column's expression must be), then one division, as .NET divides its ticks.
        public override string HoursToAnswer(string at) =>
            $"(CASE WHEN {at} < \"ReferralMadeAt\" THEN 0.0 ELSE CAST(EXTRACT(EPOCH FROM ({at} - \"ReferralMadeAt\")) * 10000000 AS DOUBLE PRECISION) / 36000000000.0 END)";

        public override string UkDate(string at) => $"CAST(({at} AT TIME ZONE 'Europe/London') AS DATE)";

        public override string PeriodMedians(string from) => $"""
            SELECT CAST(period AS BIGINT) AS "Period", CAST(COUNT(*) AS BIGINT) AS "Counted",
                percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS "Value"
            FROM {from} GROUP BY period
            """;

        public override string AddYears(string date, int years) => $"CAST({date} + INTERVAL '{years} years' AS DATE)";

        public override string AddDays(string date, int days) => $"({date} + ({days}))";

        // One pass over each agency's legs, a range of an index that starts with the tenant and the agency, so they need
        // no sorting into agencies: the ordered-set aggregate sorts the agency's values once, beside the counts.
        public override string AgencyRows(IReadOnlyList<(string Agency, string Days)> agencies, Func<string, string> counts, string from, string where, params (string Column, string Name)[] medians) => $"""
            WITH agencies AS (
                SELECT a.agency, m.* FROM (VALUES {string.Join(", ", agencies.Select(a => $"({a.Agency}, {a.Days})"))}) AS a (agency, days)
                CROSS JOIN LATERAL (
                    SELECT {counts("a.days")}, {string.Join(", ", medians.Select((m, i) => $"percentile_cont(0.5) WITHIN GROUP (ORDER BY {m.Column}) AS median{i}"))}
                    FROM {from} WHERE {where} AND l."Agency" = a.agency
                ) AS m
            )
            SELECT agency AS "Agency", "Legs", "Acknowledged", "Decided", "DecidedWithinSla", "UndecidedPastDeadline", NULL AS "Middle", NULL AS "Hours" FROM agencies
            {string.Concat(medians.Select((m, i) => $"UNION ALL SELECT agency, NULL, NULL, NULL, NULL, NULL, '{m.Name}', median{i} FROM agencies WHERE median{i} IS NOT NULL "))}
            """;
    }

    /// <summary>
    /// SQLite stores times as <see cref="DateTimeOffsetToBinaryConverter"/> integers: the clock's ticks divided by 1,000,
    /// shifted left 11 bits, with the offset in minutes below. The hub stores every time in UTC (offset 0), so the
    /// shifted ticks are UTC. SQLite knows no time zones: the UK's clock rule (British Summer Time from 01:00 UTC on the
    /// last Sunday of March to 01:00 UTC on the last Sunday of October) is written out.
    /// </summary>
    sealed class Sqlite : BoardSql
    {
        static readonly DateTimeOffsetToBinaryConverter Binary = new();

        public override object Time(DateTimeOffset at) => Binary.ConvertToProvider(at.ToUniversalTime())!;

        public override object Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // SQLite can add only a virtual generated column to a table that has rows: computed as it is read.
        public override bool StoresComputedColumns => false;

        public override string HoursToAnswer(string at) =>
            $"(CASE WHEN {at} < \"ReferralMadeAt\" THEN 0.0 ELSE CAST((({at} >> 11) - (\"ReferralMadeAt\" >> 11)) * 1000 AS DOUBLE PRECISION) / 36000000000.0 END)";

        public override string UkDate(string at)
        {
            var seconds = $"(({at} >> 11) / 10000 - 62135596800)";
            var utc = $"datetime({seconds}, 'unixepoch')";
            var year = $"strftime('%Y', {seconds}, 'unixepoch')";
            var summer = $"{utc} >= date({year} || '-03-25', 'weekday 0') || ' 01:00:00' AND {utc} < date({year} || '-10-25', 'weekday 0') || ' 01:00:00'";
            return $"date({seconds} + CASE WHEN {summer} THEN 3600 ELSE 0 END, 'unixepoch')";
        }

        public override string PeriodMedians(string from) => $"""
            SELECT CAST(period AS BIGINT) AS "Period", CAST(counted AS BIGINT) AS "Counted", value AS "Value" FROM (
                SELECT period, value, ROW_NUMBER() OVER (PARTITION BY period ORDER BY value) AS position, COUNT(*) OVER (PARTITION BY period) AS counted
                FROM {from}
            ) AS ranked WHERE position IN ((counted + 1) / 2, counted / 2 + 1)
            """;

        public override string AddYears(string date, int years) => $"date({date}, '{years:+0;-0} years')";

        public override string AddDays(string date, int days) => $"date({date}, '{days:+0;-0} days')";

        // SQLite has no ordered-set aggregate: each agency's values are numbered, and the middle one or two kept.
        public override string AgencyRows(IReadOnlyList<(string Agency, string Days)> agencies, Func<string, string> counts, string from, string where, params (string Column, string Name)[] medians) => $"""
            SELECT l."Agency" AS "Agency", {counts($"CASE l.\"Agency\" {string.Join(' ', agencies.Select(a => $"WHEN {a.Agency} THEN {a.Days}"))} END")}, NULL AS "Middle", NULL AS "Hours"
            FROM {from} WHERE {where} GROUP BY l."Agency"
            {string.Concat(medians.Select(m => $"""
                UNION ALL
                SELECT agency, NULL, NULL, NULL, NULL, NULL, '{m.Name}', hours FROM (
                    SELECT l."Agency" AS agency, {m.Column} AS hours, ROW_NUMBER() OVER (PARTITION BY l."Agency" ORDER BY {m.Column}) AS position, COUNT(*) OVER (PARTITION BY l."Agency") AS counted
                    FROM {from} WHERE {where} AND {m.Column} IS NOT NULL
                ) AS ranked WHERE position IN ((counted + 1) / 2, counted / 2 + 1)
                """))}
            """;
    }
}
