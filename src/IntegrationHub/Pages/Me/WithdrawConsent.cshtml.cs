using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Consents;
using IntegrationHub.Me;
using IntegrationHub.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Me;

/// <summary>The young person's confirm step: what withdrawing consent for an agency will do, before it is done.</summary>
public sealed class WithdrawConsentModel(ConsentService consents, AgencyDefinitions agencies) : WithdrawConsentPageModel(consents)
{
    public async Task<IActionResult> OnGetAsync(string agency, CancellationToken cancellationToken) =>
        await LoadAsync(MeService.OwnRecordId(Caller), agency, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(string agency, CancellationToken cancellationToken) =>
        WithdrawAsync(MeService.OwnRecordId(Caller), agency, withdrawn =>
        {
            var name = agencies.NameOf(agency);
            var kept = withdrawn.LegsOnAnotherBasis.Count == 0
                ? ""
                : $" Your referral to {name} was not made on your consent, so it carries on. Ask your Personal Adviser about it.";
            TempData[nameof(ConsentsModel.Done)] = $"You withdrew your consent for {name}. We have told them to stop using what was shared with them.{kept}";
            return Redirect("/me/consents");
        }, cancellationToken);
}
