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

/// <summary>One version of a young person's pathway plan, as it was made: versions are never changed.</summary>
public sealed class PlanVersionModel(HubDbContext db, AuditLog audit, TimeProvider clock, IOptions<AgencyDirectoryOptions> directory) : HubPageModel
{
    public YoungPersonDetails Person { get; private set; } = null!;

    public PlanVersionDetails Version { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        var person = await YoungPeopleApi.GetAsync(id, new YoungPeopleApi.Services(db, audit, clock, directory, User), cancellationToken);
        var version = await PathwayPlansApi.GetVersionAsync(id, number, new PathwayPlansApi.Services(db, audit, clock, User), cancellationToken);
        if (person.Result is not Ok<YoungPersonDetails> { Value: { } found } || version.Result is not Ok<PlanVersionDetails> { Value: { } details })
        {
            return NotFound();
        }

        (Person, Version) = (found, details);
        return Page();
    }
}
