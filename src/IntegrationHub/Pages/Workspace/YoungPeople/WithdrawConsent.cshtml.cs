using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Consents;
using IntegrationHub.Pages.Shared;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Workspace.YoungPeople;

/// <summary>The Personal Adviser withdraws a young person's consent for them, after saying what it will do.</summary>
public sealed class WithdrawConsentModel(YoungPeopleService people, ConsentService consents, AgencyDefinitions agencies) : WithdrawConsentPageModel(consents)
{
    public YoungPersonDetails Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string agency, CancellationToken cancellationToken) =>
        await LoadPersonAsync(id, cancellationToken) && await LoadAsync(id, agency, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string agency, CancellationToken cancellationToken)
    {
        if (!await LoadPersonAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await WithdrawAsync(id, agency, withdrawn =>
        {
            var name = agencies.NameOf(agency);
            var kept = withdrawn.LegsOnAnotherBasis.Count == 0
                ? ""
                : $" {Referrals(withdrawn.LegsOnAnotherBasis.Count)} to {name} on another lawful basis carry on.";
            var cancelled = withdrawn.CancelledLegs.Count == 0
                ? $"No referral to {name} was open on consent."
                : $"{Referrals(withdrawn.CancelledLegs.Count)} to {name} cancelled and {name} told to stop.";
            TempData[nameof(ShowModel.ConsentDone)] = $"Consent to share with {name} withdrawn. {cancelled}{kept}";
            return Redirect($"/workspace/young-people/{id}#consents");
        }, cancellationToken);
    }

    static string Referrals(int count) => count == 1 ? "1 referral" : $"{count} referrals";

    async Task<bool> LoadPersonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, Caller, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        return true;
    }
}
