using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation.Referrals;

/// <summary>
/// The referral as the hub serves it to probation at the event's detail URL: the person by CRN, names
/// and date of birth, and the justice, accommodation and EET sections only.
/// </summary>
/// <param name="Recipient">The probation delivery unit or region, from the hub's agency directory.</param>
/// <param name="ReferredAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's summary of the referral.</param>
public sealed record ProbationReferralDetail(
    HubReferences HubReferences,
    Organisation Recipient,
    DateTimeOffset ReferredAt,
    string Summary,
    ProbationPerson Person,
    PersonalAdviser Referrer,
    ProbationReferralSections Sections);

/// <summary>The hub's references for a leg; probation quotes them back.</summary>
public sealed record HubReferences(Guid ReferralId, Guid LegId);

public sealed record ProbationPerson(string Crn, string GivenName, string FamilyName, DateOnly DateOfBirth);

/// <summary>The pathway plan sections probation may see; any of them may be absent.</summary>
public sealed record ProbationReferralSections(
    ProbationReferralSection? Justice,
    ProbationReferralSection? Accommodation,
    ProbationReferralSection? Eet);

public sealed record ProbationReferralSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);

/// <summary>The Personal Adviser who made the referral, for probation to speak to.</summary>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);
