using IntegrationHub.Pages.Shared;
using IntegrationHub.PathwayPlans;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Workspace.YoungPeople;

/// <summary>One version of a young person's pathway plan, as it was made: versions are never changed.</summary>
public sealed class PlanVersionModel(YoungPeopleService people, PathwayPlanService plans) : HubPageModel
{
    public YoungPersonDetails Person { get; private set; } = null!;

    public PlanVersionDetails Version { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        var person = await people.GetAsync(id, Caller, cancellationToken);
        var version = await plans.GetVersionAsync(id, number, Caller, cancellationToken);
        if (person is null || version is null)
        {
            return NotFound();
        }

        (Person, Version) = (person, version);
        return Page();
    }
}
