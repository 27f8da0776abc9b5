using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp.Referrals;

/// <summary>The Personal Adviser has withdrawn the referral: the Jobcentre stops processing it.</summary>
/// <param name="Kind">One of the hub's cancellation kinds: circumstances-changed, or entered-in-error (the referral should never have been made).</param>
public sealed record CareLeaverReferralCancellation(
    HubReferences HubReferences,
    Organisation Recipient,
    string Reason,
    string Kind,
    string CancelledBy,
    DateTimeOffset CancelledAt);
