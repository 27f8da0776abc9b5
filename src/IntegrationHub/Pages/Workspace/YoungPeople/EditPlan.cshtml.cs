using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Idempotency;
using IntegrationHub.Pages.Shared;
using IntegrationHub.PathwayPlans;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Workspace.YoungPeople;

/// <summary>
/// The plan editor: starts from the latest version and saves the whole plan as a new version
/// through the pathway plan service the API uses too, so the same rules decide what may be saved.
/// </summary>
[Idempotent]
public sealed partial class EditPlanModel(YoungPeopleService people, PathwayPlanService plans) : HubPageModel
{
    /// <summary>One statutory section as typed: needs and actions one per line, the review date in three boxes.</summary>
    public sealed class SectionForm
    {
        public string? Needs { get; set; }
        public string? Actions { get; set; }
        public string? Owner { get; set; }
        public string? ReviewDay { get; set; }
        public string? ReviewMonth { get; set; }
        public string? ReviewYear { get; set; }

        public bool IsBlank =>
            new[] { Needs, Actions, Owner, ReviewDay, ReviewMonth, ReviewYear }.All(string.IsNullOrWhiteSpace);

        public static SectionForm From(PlanSection section) => new()
        {
            Needs = string.Join('\n', section.Needs),
            Actions = string.Join('\n', section.Actions),
            Owner = section.Owner,
            ReviewDay = section.ReviewDate?.Day.ToString(CultureInfo.InvariantCulture),
            ReviewMonth = section.ReviewDate?.Month.ToString(CultureInfo.InvariantCulture),
            ReviewYear = section.ReviewDate?.Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    public YoungPersonDetails Person { get; private set; } = null!;

    public int? LatestVersion { get; private set; }

    /// <summary>Keyed by section code, in the form's field names: <c>Sections[health].Needs</c>.</summary>
    [BindProperty]
    public Dictionary<string, SectionForm> Sections { get; set; } = [];

    public SectionForm For(string code) => Sections.GetValueOrDefault(code) ?? new SectionForm();

    /// <summary>One of <see cref="AccommodationCodes"/>; with <see cref="AccommodationSuitable"/>, asked with the accommodation section.</summary>
    [BindProperty]
    public string? AccommodationCode { get; set; }

    [BindProperty]
    public bool? AccommodationSuitable { get; set; }

    /// <summary>One of <see cref="ActivityCodes"/>, asked with the education, employment and training section.</summary>
    [BindProperty]
    public string? ActivityCode { get; set; }

    /// <summary>One of <see cref="TrustedAdultsAnswers"/>, asked with the relationships section.</summary>
    [BindProperty]
    public string? TrustedAdults { get; set; }

    public const string AccommodationCodeId = "accommodation-code";
    public const string AccommodationSuitableId = "accommodation-suitable";
    public const string ActivityCodeId = "activity-code";
    public const string TrustedAdultsId = "trusted-adults";

    /// <summary>The form's ids of the API's fields for the young person's current situation.</summary>
    static readonly Dictionary<string, string> StatusFields = new()
    {
        ["accommodation.code"] = AccommodationCodeId,
        ["accommodation.suitable"] = AccommodationSuitableId,
        ["activity.code"] = ActivityCodeId,
        ["trustedAdults"] = TrustedAdultsId,
    };

    /// <summary>The current-situation questions asked at the top of a section, by their ids in page order.</summary>
    public static IReadOnlyList<string> StatusFieldIds(string sectionCode) => sectionCode switch
    {
        PlanSectionCodes.Accommodation => [AccommodationCodeId, AccommodationSuitableId],
        PlanSectionCodes.Eet => [ActivityCodeId],
        PlanSectionCodes.Relationships => [TrustedAdultsId],
        _ => [],
    };

    public static string FieldId(string code, string field) => $"{code}-{field}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await plans.GetLatestAsync(id, Caller, cancellationToken) is { } latest)
        {
            Sections = latest.Latest.Sections.ToDictionary(s => s.Code, SectionForm.From);
            (AccommodationCode, AccommodationSuitable) = (latest.Latest.Accommodation?.Code, latest.Latest.Accommodation?.Suitable);
            ActivityCode = latest.Latest.Activity?.Code;
            TrustedAdults = latest.Latest.TrustedAdults;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var codes = PlanSectionCodes.All.Where(code => !For(code).IsBlank).ToList();
        var sections = new List<NewPlanSection>();
        foreach (var code in codes)
        {
            var form = For(code);
            sections.Add(new NewPlanSection(code, Lines(form.Needs), Lines(form.Actions), Blank(form.Owner), ReviewDate(code, form)));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // An unanswered question is "not recorded"; a suitability without an accommodation is the service's to refuse.
        var plan = new CreatePlanVersion(
            sections,
            AccommodationCode is null && AccommodationSuitable is null ? null : new NewAccommodation(AccommodationCode, AccommodationSuitable),
            ActivityCode is null ? null : new NewActivity(ActivityCode),
            TrustedAdults);
        var saved = await plans.CreateVersionAsync(id, plan, Caller, cancellationToken);
        return await FromOutcomeAsync(
            saved,
            version =>
            {
                TempData[nameof(ShowModel.SavedVersion)] = version.Number;
                return RedirectToPage("Show", new { id });
            },
            field => FieldFor(field, codes));
    }

    async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, Caller, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        LatestVersion = (await plans.GetLatestAsync(id, Caller, cancellationToken))?.Latest.Number;
        return true;
    }

    /// <summary>The date typed in three boxes; none typed is no date, a date that does not exist is an error on the day box.</summary>
    DateOnly? ReviewDate(string code, SectionForm form)
    {
        var (blank, date) = DateParts.Parse(form.ReviewDay, form.ReviewMonth, form.ReviewYear);
        if (blank || date is not null)
        {
            return date;
        }

        ModelState.AddModelError(FieldId(code, "review-date-day"), $"The review date for {Display.SectionName(code)} must be a real date, for example 27 3 2027");
        return null;
    }

    static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The service names a section by its place in the request (<c>sections[2].owner</c>); the form by its code. The
    /// current situation's fields have ids of their own.
    /// </summary>
    static string FieldFor(string apiField, IReadOnlyList<string> codes)
    {
        if (StatusFields.TryGetValue(apiField, out var statusField))
        {
            return statusField;
        }

        if (SectionField().Match(apiField) is not { Success: true } match)
        {
            return FieldId(PlanSectionCodes.All[0], "needs");
        }

        var code = codes[int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture)];
        return match.Groups["field"].Value switch
        {
            "actions" => FieldId(code, "actions"),
            "owner" => FieldId(code, "owner"),
            _ => FieldId(code, "needs"),
        };
    }

    [GeneratedRegex(@"^sections\[(?<index>\d+)\]\.?(?<field>[a-z]*)")]
    private static partial Regex SectionField();
}
