using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Idempotency;
using IntegrationHub.Pages.Shared;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Pages.Workspace.YoungPeople;

/// <summary>
/// Refer: one form (what to refer, to whom, on what lawful basis), then a preview of exactly what
/// each agency will be sent, built by the referral maker itself, then send through the referral service the API uses too.
/// The preview re-posts the form's fields, so going back to change them loses nothing.
/// </summary>
[Idempotent]
public sealed partial class ReferModel(
    YoungPeopleService people,
    PathwayPlanService plans,
    ConsentService consents,
    ReferralService referrals,
    TimeProvider clock,
    IOptions<SharingOptions> sharing,
    AgencyDefinitions agencies)
    : HubPageModel
{
    /// <summary>
    /// What the form holds for one agency: the reason written for it, whether that reason starts with the shared
    /// opening, its lawful basis and, for housing, the duty to refer's three consents.
    /// </summary>
    public sealed class AgencyForm
    {
        public string? Reason { get; set; }
        public bool StartWithOpening { get; set; }
        public string? Basis { get; set; }
        public string? Evidence { get; set; }
        public bool ToBeReferred { get; set; }
        public bool ToChosenHousingAuthority { get; set; }
        public bool ToShareContactDetails { get; set; }
    }

    /// <summary>The duty to refer's consents: the form's field, its id and its label.</summary>
    public static IReadOnlyList<(string Field, string Id, string Label)> HousingConsents { get; } =
    [
        (nameof(AgencyForm.ToBeReferred), "housing-consent-to-be-referred", "To be referred to a housing authority"),
        (nameof(AgencyForm.ToChosenHousingAuthority), "housing-consent-to-chosen-housing-authority", "To the housing authority chosen with them"),
        (nameof(AgencyForm.ToShareContactDetails), "housing-consent-to-share-contact-details", "To share their contact details with the housing authority"),
    ];

    public YoungPersonDetails Person { get; private set; } = null!;

    public PlanVersionDetails? Plan { get; private set; }

    /// <summary>The young person's consents by agency, as recorded on their page: a leg on consent rests on the agency's.</summary>
    public IReadOnlyDictionary<string, AgencyConsent> Consents { get; private set; } = new Dictionary<string, AgencyConsent>();

    /// <summary>Set once the form is sound: each agency's message, exactly as it would be sent.</summary>
    public IReadOnlyList<LegRequested>? Preview { get; private set; }

    [BindProperty]
    public int? PlanVersion { get; set; }

    /// <summary>The adviser's own title of the referral, for the hub's users: no agency is sent it.</summary>
    [BindProperty]
    public string? Summary { get; set; }

    /// <summary>
    /// An opening written once, which the adviser may choose to start any agency's reason with. It is sent to
    /// no one by itself: only as the start of the reasons that ask for it, and the preview shows each agency its whole reason.
    /// </summary>
    [BindProperty]
    public string? Opening { get; set; }

    [BindProperty]
    public List<string> Sections { get; set; } = [];

    [BindProperty]
    public List<string> Agencies { get; set; } = [];

    /// <summary>Keyed by agency code, in the form's field names: <c>Bases[nhs].Basis</c>.</summary>
    [BindProperty]
    public Dictionary<string, AgencyForm> Bases { get; set; } = [];

    public AgencyForm For(string agency) => Bases.GetValueOrDefault(agency) ?? new AgencyForm();

    public IReadOnlyList<string> SectionsSharedWith(string agency) => sharing.Value.SectionsFor(Caller.TenantId, agency);

    /// <summary>The first checkbox of a group takes the group's id, so the error summary can link to the group.</summary>
    public string SectionId(string code) => Plan?.Sections[0].Code == code ? "Sections" : $"Sections-{code}";

    public string AgencyId(string agency) => agency == agencies.All[0].Code ? "Agencies" : $"Agencies-{agency}";

    public static string BasisId(string agency, string basis) => basis == LawfulBases.Consent ? $"{agency}-basis" : $"{agency}-basis-{basis}";

    public static string ReasonId(string agency) => $"{agency}-reason";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        PlanVersion = Plan?.Number;
        return Page();
    }

    public async Task<IActionResult> OnPostContinueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (RefuseConsentNotRecorded())
        {
            return Page();
        }

        var request = ReferralRequest(id);
        return await FromOutcomeAsync(
            await referrals.PreviewAsync(request, Caller, cancellationToken),
            messages =>
            {
                Preview = messages;
                return Page();
            },
            field => FieldFor(field, request));
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (RefuseConsentNotRecorded())
        {
            return Page();
        }

        var request = ReferralRequest(id);
        return await FromOutcomeAsync(
            await referrals.MakeAsync(request, Caller, cancellationToken),
            referral => Redirect($"/workspace/referrals/{referral.Id}"),
            field => FieldFor(field, request));
    }

    async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, Caller, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        Plan = (await plans.GetLatestAsync(id, Caller, cancellationToken))?.Latest;
        Consents = (await consents.ListAsync(id, Caller, cancellationToken) ?? []).ToDictionary(c => c.Agency);
        return true;
    }

    /// <summary>The agency's consent that a leg on consent would rest on: the latest, if it stands.</summary>
    public ConsentDetails? StandingConsent(string agency) =>
        Consents.GetValueOrDefault(agency) is { Status: ConsentStatuses.Given } consent ? consent.Latest : null;

    /// <summary>
    /// A leg on consent rests on consent the young person gave and the adviser recorded, on the day they gave it,
    /// on the young person's page: the form never takes "consent, given now" from whoever is signed in.
    /// </summary>
    bool RefuseConsentNotRecorded()
    {
        foreach (var agency in Agencies.Where(a => agencies.Contains(a) && For(a).Basis == LawfulBases.Consent && StandingConsent(a) is null))
        {
            var withdrawn = Consents.ContainsKey(agency) ? " since it was withdrawn" : "";
            ModelState.AddModelError(
                BasisId(agency, LawfulBases.Consent),
                $"{Person.GivenName}'s consent to share with {agencies.For(agency).NameInSentence} is not recorded{withdrawn}: record it on their page first, or choose another lawful basis");
        }

        return !ModelState.IsValid;
    }

    /// <summary>
    /// The referral request from the form. A leg on consent rests on the agency's recorded consent, which the service
    /// finds; any other basis the Personal Adviser making the referral decides, now. For housing the three consents
    /// are always sent, so the service's rule decides whether they are all given.
    /// </summary>
    MakeReferral ReferralRequest(Guid youngPersonId)
    {
        var now = clock.GetUtcNow();
        return new MakeReferral(
            youngPersonId,
            PlanVersion,
            Summary,
            [.. Sections],
            [.. Agencies.Select(agency =>
            {
                var form = For(agency);
                return new ReferralAgency(
                    agency,
                    ReasonFor(form),
                    form.Basis == LawfulBases.Consent
                        ? new LawfulBasisInput(form.Basis, null, null, null)
                        : new LawfulBasisInput(form.Basis, Caller.Name, now, string.IsNullOrWhiteSpace(form.Evidence) ? null : form.Evidence.Trim()),
                    agencies.For(agency).TakesDutyToReferConsents ? new DutyToReferConsents(form.ToBeReferred, form.ToChosenHousingAuthority, form.ToShareContactDetails) : null);
            })]);
    }

    /// <summary>The agency's own reason, started with the shared opening where the adviser chose so: exactly what that agency is sent.</summary>
    string? ReasonFor(AgencyForm form)
    {
        if (!form.StartWithOpening || string.IsNullOrWhiteSpace(Opening))
        {
            return form.Reason;
        }

        return string.IsNullOrWhiteSpace(form.Reason) ? Opening : $"{Opening.Trim()}\n\n{form.Reason.Trim()}";
    }

    protected override string? FieldLabel(string fieldId) =>
        fieldId == "Summary" ? "a summary of the referral"
        : agencies.All.FirstOrDefault(a => ReasonId(a.Code) == fieldId) is { } agency ? $"your reason for referring to {agency.NameInSentence}"
        : null;

    /// <summary>
    /// The service names agencies by their place in the request (<c>agencies[1].lawfulBasis.basis</c>), and what a leg
    /// lacks by the leg's field (<c>agencies[1].lawfulBasis.housingConsents.toBeReferred</c>); the form by code.
    /// </summary>
    string FieldFor(string apiField, MakeReferral request)
    {
        if (AgencyField().Match(apiField) is { Success: true } match)
        {
            var agency = request.Agencies![int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)].Agency ?? "";
            var rest = match.Groups["rest"].Value;
            return rest switch
            {
                "reason" => ReasonId(agency),
                "lawfulBasis.evidence" => $"{agency}-evidence",
                "lawfulBasis.housingConsents.toChosenHousingAuthority" => HousingConsents[1].Id,
                "lawfulBasis.housingConsents.toShareContactDetails" => HousingConsents[2].Id,
                _ when rest.StartsWith("lawfulBasis.housingConsents", StringComparison.Ordinal) => HousingConsents[0].Id,
                _ when rest.StartsWith("lawfulBasis", StringComparison.Ordinal) => BasisId(agency, LawfulBases.Consent),
                // What the agency needs from the young person's record (e.g. person.identifiers[ni-number]) is told on the agency.
                _ => agencies.Contains(agency) ? AgencyId(agency) : "Agencies",
            };
        }

        return apiField switch
        {
            "summary" => "Summary",
            "agencies" => "Agencies",
            _ when apiField.StartsWith("sections", StringComparison.Ordinal) => "Sections",
            _ => "",
        };
    }

    [GeneratedRegex(@"^agencies\[(?<index>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex AgencyField();
}
