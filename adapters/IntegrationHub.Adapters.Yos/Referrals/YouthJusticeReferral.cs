using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos.Referrals;

/// <summary>
/// A referral to a youth offending service (youth justice service): the young person, with their CRN
/// if they have one, and the justice, EET, health and family sections of the pathway plan only.
/// </summary>
/// <param name="HubReferences">The hub's ids: quote them in every update.</param>
/// <param name="Recipient">The youth offending service, from the hub's agency directory.</param>
/// <param name="ReferredAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's summary of the referral.</param>
public sealed record YouthJusticeReferral(
    HubReferences HubReferences,
    Organisation Recipient,
    DateTimeOffset ReferredAt,
    string Summary,
    YouthJusticePerson Person,
    PersonalAdviser Referrer,
    YouthJusticeSections Sections);

/// <summary>The hub's references for a leg; an agency quotes them back.</summary>
public sealed record HubReferences(Guid ReferralId, Guid LegId);

/// <param name="Crn">The probation case reference number, if the young person has one.</param>
public sealed record YouthJusticePerson(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Crn,
    string? LocalAuthorityPersonId,
    YouthJusticeContact Contact);

public sealed record YouthJusticeContact(string? Email, string? Phone, string? Address, string? Postcode);

/// <summary>The pathway plan sections the YOS may see; any of them may be absent.</summary>
/// <param name="Relationships">Family and social relationships.</param>
public sealed record YouthJusticeSections(
    YouthJusticeSection? Justice,
    YouthJusticeSection? Eet,
    YouthJusticeSection? Health,
    YouthJusticeSection? Relationships);

public sealed record YouthJusticeSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);

/// <summary>The Personal Adviser who made the referral, for the YOS to speak to.</summary>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);
