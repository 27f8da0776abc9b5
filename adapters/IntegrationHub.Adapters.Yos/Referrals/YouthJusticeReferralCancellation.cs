using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos.Referrals;

/// <summary>The Personal Adviser has withdrawn the referral: the youth offending service stops processing it.</summary>
/// <param name="Kind">One of <see cref="CancellationKinds"/>: circumstances-changed, entered-in-error (the referral should never have been made), or consent-withdrawn (stop processing what was shared on the young person's consent).</param>
/// <param name="HubReferences">The hub's ids of the referral withdrawn.</param>
/// <param name="Recipient">The organisation the referral was sent to.</param>
/// <param name="Reason">The Personal Adviser's reason, in words.</param>
/// <param name="CancelledBy">Who withdrew the referral.</param>
/// <param name="CancelledAt">When it was withdrawn.</param>
public sealed record YouthJusticeReferralCancellation(
    HubReferences HubReferences,
    Organisation Recipient,
    string Reason,
    string Kind,
    string CancelledBy,
    DateTimeOffset CancelledAt);
