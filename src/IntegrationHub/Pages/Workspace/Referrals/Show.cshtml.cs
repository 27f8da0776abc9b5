using IntegrationHub.Contracts.V1;
using IntegrationHub.Outcomes;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Pages.Workspace.Referrals;

/// <summary>
/// A referral: each agency's leg as it stands (kept current while legs are still on their way),
/// its timeline, and the Personal Adviser's actions on it, each through the referral service the API uses too.
/// </summary>
public sealed class ShowModel(HubDbContext db, ReferralService referrals, YoungPeopleService people) : HubPageModel
{
    public sealed class CancelForm
    {
        public Guid? LegId { get; set; }
        public string? Reason { get; set; }
        public string? Kind { get; set; } = CancellationKinds.CircumstancesChanged;
    }

    public sealed class SanctionForm
    {
        public Guid? LegId { get; set; }
        public string? Response { get; set; }
    }

    public ReferralDetails Referral { get; private set; } = null!;

    public YoungPersonDetails Person { get; private set; } = null!;

    /// <summary>Sanctions the Jobcentre proposed on this referral's legs that wait for the Personal Adviser's answer.</summary>
    public IReadOnlyList<LegFact> SanctionsToAnswer { get; private set; } = [];

    [BindProperty]
    public CancelForm LegCancel { get; set; } = new();

    [BindProperty]
    public CancelForm ReferralCancel { get; set; } = new();

    [BindProperty]
    public SanctionForm Sanction { get; set; } = new();

    /// <summary>What the page says it has just done, after the redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    public IEnumerable<LegDetails> CancellableLegs => Referral.Legs.Where(l => !LegLifecycle.IsTerminal(l.Status));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>
    /// The legs region alone, for the page to refresh while legs are on their way: only the referral is read. The page's
    /// script sends the correlation id of the page that showed the region, so each refresh is that same audited view
    /// and records no new read; called without it, the read is a new action and is audited.
    /// </summary>
    public async Task<IActionResult> OnGetLegsAsync(Guid id, CancellationToken cancellationToken) =>
        await referrals.GetAsync(id, Caller, cancellationToken) is { } referral ? Partial("_Legs", referral) : NotFound();

    public async Task<IActionResult> OnPostCancelLegAsync(Guid id, CancellationToken cancellationToken)
    {
        if (LegCancel.LegId is not { } legId)
        {
            ModelState.AddModelError("LegCancel-LegId", "Choose which agency’s part of the referral to cancel");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var cancelled = await referrals.CancelLegAsync(id, legId, new CancelRequest(LegCancel.Reason, LegCancel.Kind), Caller, cancellationToken);
        return await AfterAsync(id, cancelled, "LegCancel", "The agency has been told the referral to it is cancelled.", cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelReferralAsync(Guid id, CancellationToken cancellationToken)
    {
        var cancelled = await referrals.CancelReferralAsync(id, new CancelRequest(ReferralCancel.Reason, ReferralCancel.Kind), Caller, cancellationToken);
        return await AfterAsync(id, cancelled, "ReferralCancel", "Every agency still working on the referral has been told it is cancelled.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAnswerSanctionAsync(Guid id, CancellationToken cancellationToken)
    {
        var answered = await referrals.AnswerSanctionAsync(id, Sanction.LegId ?? Guid.Empty, new SanctionResponse(Sanction.Response), Caller, cancellationToken);
        return await AfterAsync(id, answered, "Sanction", "Your answer to the proposed sanction is on the timeline.", cancellationToken);
    }

    /// <summary>Done is back to the referral with what was done; a form's field errors are on its own fields, e.g. <c>LegCancel-Reason</c>.</summary>
    Task<IActionResult> AfterAsync(Guid id, Outcome<ReferralDetails> outcome, string form, string done, CancellationToken cancellationToken) =>
        FromOutcomeAsync(
            outcome,
            _ =>
            {
                Done = done;
                return Redirect($"/workspace/referrals/{id}");
            },
            field => $"{form}-{char.ToUpperInvariant(field[0])}{field[1..]}",
            async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound());

    async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await referrals.GetAsync(id, Caller, cancellationToken) is not { } referral)
        {
            return false;
        }

        Referral = referral;
        Person = await people.GetAsync(referral.YoungPersonId, Caller, cancellationToken)
            ?? throw new InvalidOperationException($"Referral {id} names a young person its local authority does not hold.");
        SanctionsToAnswer = await db.LegFacts
            .Where(f => f.ReferralId == id && f.Kind == LegFactKinds.SanctionProposed && f.RespondedAt == null)
            .OrderBy(f => f.RecordedAt)
            .ToListAsync(cancellationToken);
        return true;
    }

    protected override string? FieldLabel(string fieldId) =>
        fieldId.EndsWith("-Reason", StringComparison.Ordinal) ? "the reason for cancelling" : null;
}
