using IntegrationHub.Consents;
using IntegrationHub.Me;
using IntegrationHub.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Me;

/// <summary>The young person's consents, agency by agency, with their history, and a way to withdraw each.</summary>
public sealed class ConsentsModel(ConsentService consents) : HubPageModel
{
    public IReadOnlyList<AgencyConsent> Consents { get; private set; } = [];

    /// <summary>What the withdrawal has just done, after its redirect here.</summary>
    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await consents.ListAsync(MeService.OwnRecordId(Caller), Caller, cancellationToken) is not { } list)
        {
            return NotFound();
        }

        Consents = list;
        return Page();
    }
}
