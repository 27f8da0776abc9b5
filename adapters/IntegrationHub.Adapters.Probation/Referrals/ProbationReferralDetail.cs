using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation.Referrals;

/// <summary>
/// The referral as the hub serves it to probation at the event's detail URL: the person by CRN, names
/// and date of birth, and the justice, accommodation and EET sections only.
/// </summary>
/// <param name="Recipient">The probation delivery unit or region, from the hub's agency directory.</param>
/// <param name="ReferredAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's reason for referring to this agency, written for it alone.</param>
/// <param name="HubReferences">The hub's ids: quote them in every event.</param>
/// <param name="Person">The young person, by CRN.</param>
/// <param name="Referrer">The Personal Adviser who made the referral.</param>
/// <param name="Sections">The pathway plan sections probation may see.</param>
public sealed record ProbationReferralDetail(
    HubReferences HubReferences,
    Organisation Recipient,
    DateTimeOffset ReferredAt,
    string Summary,
    ProbationPerson Person,
    PersonalAdviser Referrer,
    ProbationReferralSections Sections);

/// <summary>The hub's references for a leg; probation quotes them back.</summary>
/// <param name="ReferralId">The hub's referral id.</param>
/// <param name="LegId">The hub's leg id: quote it as legId in every answer.</param>
public sealed record HubReferences(Guid ReferralId, Guid LegId);

/// <summary>The young person, as probation knows them.</summary>
/// <param name="Crn">The case reference number, matching <see cref="IdentifierPatterns.Crn"/>.</param>
/// <param name="GivenName">The young person's given name.</param>
/// <param name="FamilyName">The young person's family name.</param>
/// <param name="DateOfBirth">The young person's date of birth.</param>
public sealed record ProbationPerson(string Crn, string GivenName, string FamilyName, DateOnly DateOfBirth);

/// <summary>The pathway plan sections probation may see; any of them may be absent.</summary>
/// <param name="Justice">The justice section, if shared.</param>
/// <param name="Accommodation">The accommodation section, if shared.</param>
/// <param name="Eet">The education, employment and training section, if shared.</param>
public sealed record ProbationReferralSections(
    ProbationReferralSection? Justice,
    ProbationReferralSection? Accommodation,
    ProbationReferralSection? Eet);

/// <summary>One pathway plan section.</summary>
/// <param name="Needs">The needs the pathway plan records under this heading.</param>
/// <param name="Actions">The actions agreed.</param>
/// <param name="Owner">Who owns the actions, if named.</param>
/// <param name="ReviewDate">When the section is next reviewed, if set.</param>
public sealed record ProbationReferralSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);

/// <summary>The Personal Adviser who made the referral, for probation to speak to.</summary>
/// <param name="Name">The Personal Adviser's name.</param>
/// <param name="Email">Their e-mail address, if known.</param>
/// <param name="Phone">Their phone number, if known.</param>
/// <param name="LocalAuthority">The local authority they work for.</param>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);
