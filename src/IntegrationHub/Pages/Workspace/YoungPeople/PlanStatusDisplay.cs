using IntegrationHub.Contracts.V1;
using IntegrationHub.PathwayPlans;

namespace IntegrationHub.Pages.Workspace.YoungPeople;

/// <summary>The words for a plan version's current accommodation, activity and trusted adults, in the editor and where a version is shown.</summary>
public static class PlanStatusDisplay
{
    public const string NotRecorded = "Not recorded";

    public static IReadOnlyList<(string Value, string Label)> AccommodationOptions { get; } =
        [.. AccommodationCodes.All.Select(code => (code, AccommodationCodes.Descriptions[code]))];

    public static IReadOnlyList<(string Value, string Label)> SuitabilityOptions { get; } = [("true", "Suitable"), ("false", "Not suitable")];

    public static IReadOnlyList<(string Value, string Label)> ActivityOptions { get; } =
        [.. ActivityCodes.All.Select(code => (code, ActivityCodes.Descriptions[code]))];

    public static IReadOnlyList<(string Value, string Label)> TrustedAdultsOptions { get; } =
        [.. TrustedAdultsAnswers.All.Select(answer => (answer, TrustedAdultsAnswers.Descriptions[answer]))];

    public static string Accommodation(CurrentAccommodation? accommodation) =>
        accommodation is null ? NotRecorded : Described(accommodation.Code, AccommodationCodes.Descriptions);

    public static string Suitability(CurrentAccommodation? accommodation) => accommodation?.Suitable switch
    {
        true => "Suitable",
        false => "Not suitable",
        null => accommodation is null ? NotRecorded : "Does not apply",
    };

    public static string Activity(CurrentActivity? activity) =>
        activity is null ? NotRecorded : Described(activity.Code, ActivityCodes.Descriptions);

    public static string TrustedAdults(string? answer) =>
        answer is null ? NotRecorded : TrustedAdultsAnswers.Descriptions.GetValueOrDefault(answer, answer);

    /// <summary>The statutory return's code beside its words, as the return's own guidance and the board's tables name it.</summary>
    static string Described(string code, IReadOnlyDictionary<string, string> descriptions) =>
        descriptions.TryGetValue(code, out var words) ? $"{words} ({code})" : code;
}
