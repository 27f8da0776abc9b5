using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos.Referrals;

/// <summary>The Personal Adviser has withdrawn the referral: the youth offending service stops processing it.</summary>
/// <param name="Kind">One of the hub's cancellation kinds: circumstances-changed, or entered-in-error (the referral should never have been made).</param>
public sealed record YouthJusticeReferralCancellation(
    HubReferences HubReferences,
    Organisation Recipient,
    string Reason,
    string Kind,
    string CancelledBy,
    DateTimeOffset CancelledAt);
