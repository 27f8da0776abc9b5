namespace IntegrationHub.Contracts.V1;

/// <summary>
/// Sent to the agency: the Personal Adviser cancelled the leg; stop processing it. It carries the
/// leg as it was sent (<see cref="Leg"/>), so an adapter can match the cancellation to the referral
/// in the agency's own terms; nothing in it was not already shared with that agency.
/// </summary>
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
