using System.Globalization;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Board;

namespace IntegrationHub.Pages.Board;

/// <summary>The words the board's pages use for the codes in the board's figures.</summary>
public static class BoardDisplay
{
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string LevelName(string level) => $"Level {level}";

    public static string ThemeName(string theme) => AgencyThemes.Names.GetValueOrDefault(theme, theme);

    public static string AgeBandName(string band) => band switch
    {
        AgeBands.SixteenToSeventeen => "16 to 17",
        AgeBands.EighteenToTwenty => "18 to 20",
        AgeBands.TwentyOneToTwentyFive => "21 to 25",
        AgeBands.Other => "Other or not known",
        _ => band,
    };

    public static string UpcomingKindName(string kind) => kind switch
    {
        UpcomingKinds.CustodyReleasePlanned => "Release from custody",
        UpcomingKinds.TransitionToProbationDue => "Transition to probation",
        UpcomingKinds.EighteenthBirthday => "18th birthday",
        _ => kind,
    };

    /// <summary>A trend month (<c>yyyy-MM</c>) as people write it: "January 2027".</summary>
    public static string MonthName(string month) =>
        DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first.ToString("MMMM yyyy", English)
            : month;

    /// <summary>A median or share with nothing to measure is shown as such, not as 0.</summary>
    public static string Figure(double? value, string unit = "") =>
        value is { } v ? v.ToString("0.0", English) + unit : "Not measured";

    /// <summary>The first part of a referral's id: enough to tell cases apart on the page; the CSV holds the whole id.</summary>
    public static string CaseReference(Guid referralId) => referralId.ToString("N", CultureInfo.InvariantCulture)[..8].ToUpperInvariant();
}
