using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Consents;
using IntegrationHub.Idempotency;
using IntegrationHub.Pages.Shared;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Workspace.YoungPeople;

/// <summary>
/// Records a young person's consent to share with one agency: the day they gave it (typed, not today's date), the
/// evidence and the review date, through the consent service the API uses too.
/// </summary>
[Idempotent]
public sealed class RecordConsentModel(YoungPeopleService people, ConsentService consents, AgencyDefinitions agencies) : HubPageModel
{
    public const string GivenOnId = "GivenOn";
    public const string ReviewOnId = "ReviewOn";

    public YoungPersonDetails Person { get; private set; } = null!;

    [BindProperty]
    public string? Agency { get; set; }

    [BindProperty]
    public string? GivenDay { get; set; }

    [BindProperty]
    public string? GivenMonth { get; set; }

    [BindProperty]
    public string? GivenYear { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? ReviewDay { get; set; }

    [BindProperty]
    public string? ReviewMonth { get; set; }

    [BindProperty]
    public string? ReviewYear { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(Agency))
        {
            ModelState.AddModelError(nameof(Agency), "Select the agency the young person agreed to share with");
        }

        // The service still checks the whole consent, so that every problem is shown at once; what the page found
        // itself as it read the form stands for its field.
        var givenOn = Typed(GivenOnId, "The date consent was given", GivenDay, GivenMonth, GivenYear);
        var reviewOn = Typed(ReviewOnId, "The review date", ReviewDay, ReviewMonth, ReviewYear);
        var recorded = await consents.RecordAsync(id, new RecordConsent(Agency, givenOn, Evidence, reviewOn), Caller, cancellationToken);
        return await FromOutcomeAsync(
            recorded,
            consent =>
            {
                TempData[nameof(ShowModel.ConsentDone)] = $"Consent to share with {agencies.NameOf(consent.Agency)} recorded";
                return Redirect($"/workspace/young-people/{id}#consents");
            },
            field => field switch
            {
                "agency" => nameof(Agency),
                "givenOn" => $"{GivenOnId}-day",
                "reviewOn" => $"{ReviewOnId}-day",
                _ => nameof(Evidence),
            });
    }

    async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, Caller, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        return true;
    }

    /// <summary>A date not typed at all is left to the service, which names it as required; one that is no real date is an error here, and null.</summary>
    DateOnly? Typed(string id, string what, string? day, string? month, string? year)
    {
        var (blank, date) = DateParts.Parse(day, month, year);
        if (!blank && date is null)
        {
            ModelState.AddModelError($"{id}-day", $"{what} must be a real date, for example 27 3 2026");
        }

        return date;
    }

    protected override string? FieldLabel(string fieldId) => fieldId switch
    {
        $"{GivenOnId}-day" => "the date the young person gave their consent",
        $"{ReviewOnId}-day" => "the date to review the consent",
        nameof(Evidence) => "the evidence of the consent",
        _ => null,
    };
}
