namespace IntegrationHub.Contracts.V1;

/// <summary>
/// Sent to one agency's queue: a referral leg for that agency, carrying only the pathway plan
/// sections that agency may see.
/// </summary>
public sealed record LegRequested(
    Guid LegId,
    Guid ReferralId,
    string TenantId,
    string Agency,
    Organisation Recipient,
    DateTimeOffset RequestedAt,
    string Summary,
    PersonDetails Person,
    IReadOnlyList<PlanSection> Sections,
    LawfulBasis LawfulBasis,
    Referrer Referrer);
