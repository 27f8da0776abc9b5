namespace IntegrationHub.Contracts.V1;

/// <summary>Sent to the agency: the Personal Adviser cancelled the leg; stop processing it.</summary>
public sealed record LegCancelled(
    Guid LegId,
    Guid ReferralId,
    string TenantId,
    string Agency,
    Organisation Recipient,
    string Reason,
    string CancelledBy,
    DateTimeOffset CancelledAt);
