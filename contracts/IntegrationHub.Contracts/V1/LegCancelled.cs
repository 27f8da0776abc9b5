namespace IntegrationHub.Contracts.V1;

/// <summary>
/// Sent to the agency: the Personal Adviser cancelled the leg, or the young person withdrew the consent it rested
/// on (kind consent-withdrawn); stop processing it. It carries the
/// leg as it was sent (<see cref="Leg"/>), so an adapter can match the cancellation to the referral
/// in the agency's own terms; nothing in it was not already shared with that agency.
/// </summary>
/// <param name="LegId">The leg: one agency's part of a referral.</param>
/// <param name="ReferralId">The referral the leg belongs to.</param>
/// <param name="TenantId">The local authority (leaving care service) that made the referral.</param>
/// <param name="Agency">One of <see cref="AgencyCodes"/>.</param>
/// <param name="Recipient">The receiving organisation, from the hub's agency directory.</param>
/// <param name="Reason">Why it was cancelled, in words.</param>
/// <param name="Kind">One of <see cref="CancellationKinds"/>.</param>
/// <param name="CancelledBy">Who cancelled the leg: the Personal Adviser, or the young person who withdrew their consent.</param>
/// <param name="CancelledAt">When it was cancelled.</param>
/// <param name="Leg">The leg as it was sent.</param>
public sealed record LegCancelled(
    Guid LegId,
    Guid ReferralId,
    string TenantId,
    string Agency,
    Organisation Recipient,
    string Reason,
    string Kind,
    string CancelledBy,
    DateTimeOffset CancelledAt,
    LegRequested Leg);
