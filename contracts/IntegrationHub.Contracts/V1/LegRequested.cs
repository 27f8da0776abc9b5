namespace IntegrationHub.Contracts.V1;

/// <summary>
/// Sent to one agency's queue: a referral leg for that agency, carrying only the pathway plan
/// sections that agency may see.
/// </summary>
/// <param name="LegId">The leg: one agency's part of a referral.</param>
/// <param name="ReferralId">The referral the leg belongs to.</param>
/// <param name="TenantId">The local authority (leaving care service) that made the referral.</param>
/// <param name="Agency">One of <see cref="AgencyCodes"/>.</param>
/// <param name="Recipient">The receiving organisation, from the hub's agency directory.</param>
/// <param name="RequestedAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's reason for referring to this agency, written for it alone.</param>
/// <param name="Person">The young person, with only the identifiers the agency needs.</param>
/// <param name="Sections">The pathway plan sections the agency may see.</param>
/// <param name="LawfulBasis">Why the agency may receive the data.</param>
/// <param name="Referrer">The Personal Adviser who made the referral.</param>
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
