using IntegrationHub.Me;
using IntegrationHub.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Me;

/// <summary>The young person's home: who holds which parts of their plan, and where each referral is, in plain words.</summary>
public sealed class IndexModel(MeService me) : HubPageModel
{
    public MyRecord Record { get; private set; } = null!;

    public IReadOnlyList<MyReferral> Referrals { get; private set; } = [];

    public IReadOnlyList<SectionsHeld> Holders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await me.GetRecordAsync(Caller, cancellationToken) is not { } record
            || await me.ListReferralsAsync(Caller, cancellationToken) is not { } referrals)
        {
            return NotFound();
        }

        Record = record;
        Referrals = referrals;
        Holders = MyReferral.WhoHolds(referrals);
        return Page();
    }
}
