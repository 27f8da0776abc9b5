using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp.Referrals;

/// <summary>
/// A referral to the Jobcentre Plus care-leaver single point of contact: the claimant by National
/// Insurance number, the care-leaver marker that brings the easements care leavers are owed, and the
/// Personal Adviser the Jobcentre must speak to (before any sanction above all).
/// </summary>
/// <param name="HubReferences">The hub's ids: quote them in every update.</param>
/// <param name="Recipient">The Jobcentre, from the hub's agency directory.</param>
/// <param name="ReferredAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's reason for referring to this agency, written for it alone.</param>
/// <param name="CareLeaver">Always true: the hub refers care leavers only.</param>
/// <param name="AgeBand">One of <see cref="Channels.Formats.AgeBands"/>, on the referral date.</param>
/// <param name="Person">The claimant.</param>
/// <param name="PersonalAdviser">The Personal Adviser the Jobcentre speaks to.</param>
/// <param name="Sections">The pathway plan sections the Jobcentre may see.</param>
public sealed record CareLeaverReferral(
    HubReferences HubReferences,
    Organisation Recipient,
    DateTimeOffset ReferredAt,
    string Summary,
    Claimant Person,
    bool CareLeaver,
    string AgeBand,
    PersonalAdviser PersonalAdviser,
    CareLeaverReferralSections Sections);

/// <summary>The hub's references for a leg; an agency quotes them back.</summary>
/// <param name="ReferralId">The hub's referral id.</param>
/// <param name="LegId">The hub's leg id: quote it as legId in every answer.</param>
public sealed record HubReferences(Guid ReferralId, Guid LegId);

/// <summary>The young person, as the Jobcentre knows a claimant.</summary>
/// <param name="GivenName">The young person's given name.</param>
/// <param name="FamilyName">The young person's family name.</param>
/// <param name="DateOfBirth">The young person's date of birth.</param>
/// <param name="Contact">How to contact the young person.</param>
/// <param name="NationalInsuranceNumber">Upper case, without spaces, matching <see cref="IdentifierPatterns.NationalInsuranceNumber"/>.</param>
public sealed record Claimant(
    string NationalInsuranceNumber,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    ClaimantContact Contact);

/// <summary>How to contact the young person; each detail only where known.</summary>
/// <param name="Email">The young person's e-mail address, if known.</param>
/// <param name="Phone">The young person's phone number, if known.</param>
/// <param name="Address">The young person's address in one line, if known.</param>
/// <param name="Postcode">The young person's postcode, if known.</param>
public sealed record ClaimantContact(string? Email, string? Phone, string? Address, string? Postcode);

/// <summary>The pathway plan sections the Jobcentre may see; either may be absent.</summary>
/// <param name="Eet">The education, employment and training section, if shared.</param>
/// <param name="Financial">The financial section, if shared.</param>
public sealed record CareLeaverReferralSections(CareLeaverReferralSection? Eet, CareLeaverReferralSection? Financial);

/// <summary>One pathway plan section.</summary>
/// <param name="Needs">The needs the pathway plan records under this heading.</param>
/// <param name="Actions">The actions agreed.</param>
/// <param name="Owner">Who owns the actions, if named.</param>
/// <param name="ReviewDate">When the section is next reviewed, if set.</param>
public sealed record CareLeaverReferralSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);

/// <summary>The young person's Personal Adviser, whom the Jobcentre speaks to.</summary>
/// <param name="Name">The Personal Adviser's name.</param>
/// <param name="Email">Their e-mail address, if known.</param>
/// <param name="Phone">Their phone number, if known.</param>
/// <param name="LocalAuthority">The local authority they work for.</param>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);
