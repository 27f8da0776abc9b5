using IntegrationHub.Consents;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Shared;

/// <summary>
/// The confirm step before a consent is withdrawn, for the young person's own page and their adviser's: it shows the
/// agency's consent, takes an optional reason, and withdraws through the consent service the API uses too.
/// </summary>
public abstract class WithdrawConsentPageModel(ConsentService consents) : HubPageModel
{
    /// <summary>The agency's consents; the form is shown only while the latest stands.</summary>
    public AgencyConsent Consent { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public bool CanWithdraw => Consent.Status == ConsentStatuses.Given;

    /// <summary>False when the young person is not the caller's to see, or no consent to the agency was ever recorded.</summary>
    protected async Task<bool> LoadAsync(Guid youngPersonId, string agency, CancellationToken cancellationToken)
    {
        if ((await consents.ListAsync(youngPersonId, Caller, cancellationToken))?.SingleOrDefault(c => c.Agency == agency) is not { } consent)
        {
            return false;
        }

        Consent = consent;
        return true;
    }

    protected async Task<IActionResult> WithdrawAsync(
        Guid youngPersonId, string agency, Func<ConsentWithdrawn, IActionResult> done, CancellationToken cancellationToken) =>
        await FromOutcomeAsync(
            await consents.WithdrawAsync(youngPersonId, agency, new WithdrawConsent(Reason), Caller, cancellationToken),
            done,
            _ => nameof(Reason),
            async () => await LoadAsync(youngPersonId, agency, cancellationToken) ? Page() : NotFound());

    protected override string? FieldLabel(string fieldId) => fieldId == nameof(Reason) ? "the reason" : null;
}
