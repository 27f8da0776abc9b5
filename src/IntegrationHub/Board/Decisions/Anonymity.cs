using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.YoungPeople;

namespace IntegrationHub.Board.Decisions;

/// <summary>
/// The board's papers name no one: free text written for them (a favoured resolution, the young person's words, an
/// action, a progress note) is refused when it holds the young person's name, date of birth, address or postcode, so
/// what the hub stores for the board is anonymous and stays so in every paper and pack it goes into.
/// </summary>
static class Anonymity
{
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "d.M.yyyy"];

    public static void Check(FieldErrors errors, string field, string? text, YoungPerson person)
    {
        if (!string.IsNullOrWhiteSpace(text) && Identifying(person).Any(term => Holds(text, term)))
        {
            errors.Add(field, $"'{field}' must not identify the young person: leave out their name, date of birth and address. The board's papers are anonymous.");
        }
    }

    static IEnumerable<string> Identifying(YoungPerson person) =>
        new[] { person.GivenName, person.FamilyName, person.AddressLine, person.Postcode }
            .Concat(DateFormats.Select(format => person.DateOfBirth.ToString(format, English)))
            .Where(term => !string.IsNullOrWhiteSpace(term) && term.Trim().Length > 1)
            .Select(term => term!.Trim());

    /// <summary>As a whole word, whatever its case: "Sam" is in "sam's plan", not in "same".</summary>
    static bool Holds(string text, string term) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
