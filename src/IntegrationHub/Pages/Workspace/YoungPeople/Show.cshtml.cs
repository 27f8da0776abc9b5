using IntegrationHub.Consents;
using IntegrationHub.Pages.Shared;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Workspace.YoungPeople;

/// <summary>A young person: who they are, their latest pathway plan and its versions, their consents to share, and their referrals.</summary>
public sealed class ShowModel(YoungPeopleService people, PathwayPlanService plans, ReferralService referrals, ConsentService consents) : HubPageModel
{
    public YoungPersonDetails Person { get; private set; } = null!;

    public PathwayPlanDetails? Plan { get; private set; }

    public IReadOnlyList<ReferralDetails> Referrals { get; private set; } = [];

    /// <summary>Each agency's consents, with their history.</summary>
    public IReadOnlyList<AgencyConsent> Consents { get; private set; } = [];

    /// <summary>What the consent pages have just done, after their redirect here.</summary>
    [TempData]
    public string? ConsentDone { get; set; }

    /// <summary>The version number just saved by the plan editor, for the notification banner.</summary>
    [TempData]
    public int? SavedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, Caller, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Plan = await plans.GetLatestAsync(id, Caller, cancellationToken);
        Referrals = await referrals.ListAsync(id, Caller, cancellationToken);
        Consents = await consents.ListAsync(id, Caller, cancellationToken) ?? [];
        return Page();
    }
}
