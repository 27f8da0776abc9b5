using System.Globalization;
using System.Text;
using IntegrationHub.Board.Scorecard;

namespace IntegrationHub.Board;

/// <summary>
/// The board's tables as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma,
/// a double quote or a line break, with its double quotes doubled. Numbers are written in the invariant culture;
/// an empty field is a figure with nothing to measure. A text field that a spreadsheet would take for a formula
/// (starting =, +, -, @, tab or carriage return) is prefixed with an apostrophe: codes come from agencies.
/// </summary>
public static class BoardCsv
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    public static byte[] Escalations(EscalationFigures figures) => Write(
        ["dimension", "key", "count"],
        [.. Rows("level", figures.ByLevel), .. Rows("theme", figures.ByTheme), .. Rows("agency", figures.ByAgency), .. Rows("age-band", figures.ByAgeBand)]);

    public static byte[] Timeliness(TimelinessFigures figures) => Write(
        ["agency", "legs", "acknowledged", "median_hours_to_acknowledge", "median_days_to_acknowledge", "decided", "median_hours_to_decide",
            "median_days_to_decide", "decided_within_sla", "decided_late", "undecided_past_deadline", "within_sla_percent"],
        figures.Agencies.Select(a => new[]
        {
            Text(a.Agency), Number(a.Legs), Number(a.Acknowledged), Number(a.MedianHoursToAcknowledge), Number(a.MedianDaysToAcknowledge),
            Number(a.Decided), Number(a.MedianHoursToDecide), Number(a.MedianDaysToDecide), Number(a.DecidedWithinSla), Number(a.DecidedLate),
            Number(a.UndecidedPastDeadline), Number(a.WithinSlaPercent),
        }));

    public static byte[] Declines(DeclineFigures figures) => Write(
        ["agency", "reason_code", "count"],
        figures.Declines.Select(d => new[] { Text(d.Agency), Text(d.ReasonCode), Number(d.Count) }));

    public static byte[] Upcoming(UpcomingFigures figures) => Write(
        ["date", "kind", "agency", "referral_id", "leg_id", "young_person_id"],
        figures.Events.Select(e => new[] { Date(e.Date), Text(e.Kind), Text(e.Agency), Id(e.ReferralId), Id(e.LegId), Id(e.YoungPersonId) }));

    public static byte[] Trend(TrendFigures figures) => Write(
        ["month", "referrals_made", "legs_decided", "escalations_raised", "escalations_resolved"],
        figures.Months.Select(m => new[] { Text(m.Month), Number(m.ReferralsMade), Number(m.LegsDecided), Number(m.EscalationsRaised), Number(m.EscalationsResolved) }));

    /// <summary>
    /// The scorecard, one line per row and then one per row and age band (<c>age_band</c> "all" for the row's own line),
    /// so that a spreadsheet can filter either; a line's target, status, previous value, change, national figure and
    /// champion are the row's.
    /// </summary>
    public static byte[] Scorecard(ScorecardFigures figures) => Write(
        ["key", "title", "theme", "unit", "age_band", "count", "out_of", "value", "target", "tolerance", "direction", "status",
            "previous", "change", "national", "national_year", "champion", "from", "as_of"],
        figures.Rows.SelectMany(row => row.ByAgeBand.Select(b => (Band: b.Band, b.Count, OutOf: (int?)b.OutOf, b.Value))
            .Prepend((Band: "all", row.Count, row.OutOf, row.Value))
            .Select(line => new[]
            {
                Text(row.Key), Text(row.Title), Text(row.Theme), Text(row.Unit), Text(line.Band), Number(line.Count), Number(line.OutOf),
                Number(line.Value), Number(row.Target.Value), Number(row.Target.Tolerance), Text(row.Target.Direction), Text(row.Status),
                Number(row.Previous), Number(row.Change), Number(row.National?.Percentage), Text(row.National?.Year), Text(row.Champion),
                Date(figures.From), Date(figures.AsOf),
            })));

    static IEnumerable<string[]> Rows(string dimension, IEnumerable<Tally> tallies) =>
        tallies.Select(t => new[] { Text(dimension), Text(t.Key), Number(t.Count) });

    internal static byte[] Write(string[] header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows.Prepend([.. header.Select(Text)]))
        {
            csv.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    internal static string Text(string? value) =>
        value is null ? "" : value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? $"'{value}" : value;

    static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    static string Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";

    internal static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Id(Guid? value) => value?.ToString("D") ?? "";
}
