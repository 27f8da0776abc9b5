using IntegrationHub.Auditing;
using IntegrationHub.Pages.Shared;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Pages.Workspace.YoungPeople;

/// <summary>A young person: who they are, their latest pathway plan and its versions, and their referrals.</summary>
public sealed class ShowModel(
    HubDbContext db, AuditLog audit, TimeProvider clock, IOptions<AgencyDirectoryOptions> directory, Outbox.Outbox outbox, LegMessages messages)
    : HubPageModel
{
    public YoungPersonDetails Person { get; private set; } = null!;

    public PathwayPlanDetails? Plan { get; private set; }

    public IReadOnlyList<ReferralDetails> Referrals { get; private set; } = [];

    /// <summary>The version number just saved by the plan editor, for the notification banner.</summary>
    [TempData]
    public int? SavedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await YoungPeopleApi.GetAsync(id, new YoungPeopleApi.Services(db, audit, clock, directory, User), cancellationToken);
        if (found.Result is not Ok<YoungPersonDetails> { Value: { } person })
        {
            return NotFound();
        }

        Person = person;
        var plan = await PathwayPlansApi.GetLatestAsync(id, new PathwayPlansApi.Services(db, audit, clock, User), cancellationToken);
        Plan = (plan.Result as Ok<PathwayPlanDetails>)?.Value;
        var referrals = await ReferralsApi.ListAsync(id, new ReferralsApi.Services(db, outbox, audit, clock, messages, User), cancellationToken);
        Referrals = referrals.Value ?? [];
        return Page();
    }
}
