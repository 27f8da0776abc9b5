using System.Globalization;
using IntegrationHub.Board.Scorecard;

namespace IntegrationHub.Pages.Board;

/// <summary>The words and figures the board's page shows for a scorecard row: the status in words as well as colour.</summary>
public static class ScorecardDisplay
{
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A row's name short enough for a chart's label; the table beside it has the whole title.</summary>
    public static string ShortTitle(ScorecardRow row) => row.Key switch
    {
        ScorecardRows.SuitableAccommodation => "Suitable accommodation, 19-21",
        ScorecardRows.Eet => "In EET, 19-21",
        ScorecardRows.HousingDutiesAccepted => "Housing duties accepted",
        ScorecardRows.CamhsTransitions => "CAMHS transitions before 18",
        ScorecardRows.NhsWithinSla => "NHS decided within SLA",
        ScorecardRows.ReleasesWithAccommodation => "Releases with accommodation",
        ScorecardRows.TwoTrustedAdults => "Two trusted adults",
        ScorecardRows.EscalationsResolvedInTime => "Escalations resolved in time",
        _ => row.Title,
    };

    public static string StatusName(string status) => status switch
    {
        ScorecardStatuses.Green => "Green: on target",
        ScorecardStatuses.Amber => "Amber: near target",
        ScorecardStatuses.Red => "Red: off target",
        _ => "No data",
    };

    public static string StatusTag(string status) => status switch
    {
        ScorecardStatuses.Green => "govuk-tag--green",
        ScorecardStatuses.Amber => "govuk-tag--yellow",
        ScorecardStatuses.Red => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>The row's value in its unit, with what it is of: "75.0% (3 of 4)", "1 (of 3)", "10.0 days (3 decisions)".</summary>
    public static string Value(ScorecardRow row) => row.Unit switch
    {
        ScorecardUnits.Percent => row.Value is { } v ? $"{Number(v)}% ({row.Count} of {row.OutOf})" : "No one to count",
        ScorecardUnits.Count => $"{row.Count} (of {row.OutOf})",
        _ => row.Value is { } days ? $"{Number(days)} days ({row.Count} measured)" : "Nothing measured",
    };

    public static string Target(ScorecardRow row) =>
        $"{(row.Target.Direction == ScorecardDirections.Higher ? "at least" : "at most")} {Number(row.Target.Value)}{Unit(row.Unit)}";

    /// <summary>The change since the previous period, signed, in points for a percentage.</summary>
    public static string Change(ScorecardRow row) => row.Change switch
    {
        null => "Not measured",
        0 => "No change",
        var change => $"{(change > 0 ? "+" : "−")}{Number(Math.Abs(change.Value))}{(row.Unit == ScorecardUnits.Percent ? " points" : Unit(row.Unit))}",
    };

    public static string National(ScorecardRow row) =>
        row.National is { } national ? $"{Number(national.Percentage)}% ({national.Year})" : "Not published";

    public static string Band(ScorecardBand band, string unit) => unit == ScorecardUnits.Percent
        ? band.Value is { } v ? $"{Number(v)}% ({band.Count} of {band.OutOf})" : "None"
        : $"{band.Count} (of {band.OutOf})";

    static string Unit(string unit) => unit switch
    {
        ScorecardUnits.Percent => "%",
        ScorecardUnits.Days => " days",
        _ => "",
    };

    static string Number(double value) => value.ToString(value % 1 == 0 ? "0" : "0.0", English);
}
