using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos.Referrals;

/// <summary>
/// A referral to a youth offending service (youth justice service): the young person, with their CRN
/// if they have one, and the justice, EET, health and family sections of the pathway plan only.
/// </summary>
/// <param name="HubReferences">The hub's ids: quote them in every update.</param>
/// <param name="Recipient">The youth offending service, from the hub's agency directory.</param>
/// <param name="ReferredAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's reason for referring to this agency, written for it alone.</param>
/// <param name="Person">The young person.</param>
/// <param name="Referrer">The Personal Adviser who made the referral.</param>
/// <param name="Sections">The pathway plan sections the YOS may see.</param>
public sealed record YouthJusticeReferral(
    HubReferences HubReferences,
    Organisation Recipient,
    DateTimeOffset ReferredAt,
    string Summary,
    YouthJusticePerson Person,
    PersonalAdviser Referrer,
    YouthJusticeSections Sections);

/// <summary>The hub's references for a leg; an agency quotes them back.</summary>
/// <param name="ReferralId">The hub's referral id.</param>
/// <param name="LegId">The hub's leg id: quote it as legId in every answer.</param>
public sealed record HubReferences(Guid ReferralId, Guid LegId);

/// <summary>The young person referred.</summary>
/// <param name="GivenName">The young person's given name.</param>
/// <param name="FamilyName">The young person's family name.</param>
/// <param name="DateOfBirth">The young person's date of birth.</param>
/// <param name="LocalAuthorityPersonId">The local authority's own person id, matching <see cref="IdentifierPatterns.LocalAuthorityPersonId"/>.</param>
/// <param name="Contact">How to contact the young person.</param>
/// <param name="Crn">The probation case reference number, if the young person has one, matching <see cref="IdentifierPatterns.Crn"/>.</param>
public sealed record YouthJusticePerson(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Crn,
    string? LocalAuthorityPersonId,
    YouthJusticeContact Contact);

/// <summary>How to contact the young person; each detail only where known.</summary>
/// <param name="Email">The young person's e-mail address, if known.</param>
/// <param name="Phone">The young person's phone number, if known.</param>
/// <param name="Address">The young person's address in one line, if known.</param>
/// <param name="Postcode">The young person's postcode, if known.</param>
public sealed record YouthJusticeContact(string? Email, string? Phone, string? Address, string? Postcode);

/// <summary>The pathway plan sections the YOS may see; any of them may be absent.</summary>
/// <param name="Relationships">Family and social relationships.</param>
/// <param name="Justice">The justice section, if shared.</param>
/// <param name="Eet">The education, employment and training section, if shared.</param>
/// <param name="Health">The health section, if shared.</param>
public sealed record YouthJusticeSections(
    YouthJusticeSection? Justice,
    YouthJusticeSection? Eet,
    YouthJusticeSection? Health,
    YouthJusticeSection? Relationships);

/// <summary>One pathway plan section.</summary>
/// <param name="Needs">The needs the pathway plan records under this heading.</param>
/// <param name="Actions">The actions agreed.</param>
/// <param name="Owner">Who owns the actions, if named.</param>
/// <param name="ReviewDate">When the section is next reviewed, if set.</param>
public sealed record YouthJusticeSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);

/// <summary>The Personal Adviser who made the referral, for the YOS to speak to.</summary>
/// <param name="Name">The Personal Adviser's name.</param>
/// <param name="Email">Their e-mail address, if known.</param>
/// <param name="Phone">Their phone number, if known.</param>
/// <param name="LocalAuthority">The local authority they work for.</param>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);
