namespace IntegrationHub.Pages.Shared;

/// <summary>A date as GOV.UK's date input takes it: day, month and year in three boxes.</summary>
public static class DateParts
{
    /// <summary>
    /// The date typed: <c>Blank</c> when none of the boxes was filled in; otherwise <c>Date</c>, or null when
    /// the three make no real date (31 2 2030).
    /// </summary>
    public static (bool Blank, DateOnly? Date) Parse(string? day, string? month, string? year)
    {
        if (new[] { day, month, year }.All(string.IsNullOrWhiteSpace))
        {
            return (true, null);
        }

        return int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y)
            && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? (false, new DateOnly(y, m, d))
            : (false, null);
    }
}

/// <summary>What the date input partial (<c>_DateInput</c>) shows.</summary>
/// <param name="Id">The fieldset's id; the boxes are <c>{Id}-day</c>, <c>{Id}-month</c> and <c>{Id}-year</c>, and an error is on the day box.</param>
/// <param name="Name">The form field names' stem: the boxes post <c>{Name}Day</c>, <c>{Name}Month</c> and <c>{Name}Year</c>.</param>
/// <param name="Hidden">Words for screen readers only after the legend, e.g. " for Health".</param>
public sealed record DateInput(
    string Id, string Name, string Legend, string Hint, string? Error, string? Day, string? Month, string? Year, string? Hidden = null, string LegendSize = "s");
