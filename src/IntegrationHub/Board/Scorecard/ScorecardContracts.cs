namespace IntegrationHub.Board.Scorecard;

/// <summary>
/// The corporate parenting scorecard for <see cref="From"/> to <see cref="AsOf"/> (UK dates, both included): one row
/// per measure of the care review's missions and the board's themes, each against the local authority's target, with
/// its value for the previous period of the same length (<see cref="PreviousFrom"/> to the day before <see cref="From"/>).
/// </summary>
public sealed record ScorecardFigures(DateOnly AsOf, int Months, DateOnly From, DateOnly PreviousFrom, string StatusRule, IReadOnlyList<ScorecardRow> Rows);

/// <summary>
/// One measure. <see cref="Value"/> is what is compared with the target: a percentage (<see cref="Count"/> of
/// <see cref="OutOf"/>, to one decimal place, null when there is no one to count), a count (<see cref="Count"/>, of
/// <see cref="OutOf"/> considered) or a median in days (of <see cref="Count"/> measured; <see cref="OutOf"/> null), as
/// <see cref="Unit"/> says. <see cref="Status"/> is one of <see cref="ScorecardStatuses"/>; <see cref="Change"/> is
/// <see cref="Value"/> less <see cref="Previous"/>. <see cref="ByAgeBand"/> splits a measure of people by their age at
/// the period's end (empty for a measure of time); <see cref="National"/> is England's published figure, where there is one.
/// </summary>
public sealed record ScorecardRow(
    string Key,
    string Title,
    string Theme,
    string ThemeName,
    string Unit,
    string Measure,
    int Count,
    int? OutOf,
    double? Value,
    ScorecardTarget Target,
    string Status,
    double? Previous,
    double? Change,
    IReadOnlyList<ScorecardBand> ByAgeBand,
    NationalFigure? National,
    string? Champion);

/// <summary>The local authority's target for a row: <see cref="Direction"/> says whether a higher or a lower value is better.</summary>
public sealed record ScorecardTarget(double Value, double Tolerance, string Direction);

/// <summary>A row's figure for the young people of one age band (<see cref="AgeBands"/>).</summary>
public sealed record ScorecardBand(string Band, int Count, int OutOf, double? Value);

/// <summary>England's figure as the Department for Education published it: the percentage, its year and the age group it is for.</summary>
public sealed record NationalFigure(double Percentage, string Year, string AgeGroup, string Source);

public static class ScorecardStatuses
{
    public const string Green = "green";
    public const string Amber = "amber";
    public const string Red = "red";

    /// <summary>Nothing to measure in the period: a percentage of no one, or a median of nothing.</summary>
    public const string NoData = "no-data";

    public static IReadOnlyList<string> All { get; } = [Green, Amber, Red, NoData];
}

public static class ScorecardUnits
{
    public const string Percent = "percent";
    public const string Count = "count";
    public const string Days = "days";
}

public static class ScorecardDirections
{
    public const string Higher = "higher-is-better";
    public const string Lower = "lower-is-better";
}
