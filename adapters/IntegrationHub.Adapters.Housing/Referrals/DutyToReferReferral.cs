using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing.Referrals;

/// <summary>
/// A referral under the Homelessness Reduction Act 2017 duty to refer (Housing Act 1996 s.213B): what a
/// housing authority needs to contact the young person and begin its assessment, and nothing more.
/// </summary>
/// <param name="HubReferences">The hub's ids: quote them in every answer.</param>
/// <param name="Recipient">The housing authority chosen with the young person, from the hub's agency directory.</param>
/// <param name="ReferredAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's reason for referring to this agency, written for it alone.</param>
/// <param name="ReasonForReferral">One of <see cref="ReasonsForReferral"/>.</param>
/// <param name="CareLeaver">Always true: the hub refers care leavers only.</param>
/// <param name="AgeBand">One of <see cref="Channels.Formats.AgeBands"/>, on the referral date.</param>
/// <param name="SupportNeeds">Codes from <see cref="SupportNeedCodes"/>.</param>
/// <param name="Person">The young person.</param>
/// <param name="Consents">The three consents the duty to refer needs.</param>
/// <param name="Sections">The pathway plan sections a housing authority may see.</param>
/// <param name="Referrer">The Personal Adviser who made the referral.</param>
public sealed record DutyToReferReferral(
    HubReferences HubReferences,
    Organisation Recipient,
    DateTimeOffset ReferredAt,
    string Summary,
    DutyToReferPerson Person,
    DutyToReferConsents Consents,
    string ReasonForReferral,
    bool CareLeaver,
    string AgeBand,
    IReadOnlyList<string> SupportNeeds,
    DutyToReferSections Sections,
    PersonalAdviser Referrer);

/// <summary>The hub's references for a leg; an agency quotes them back.</summary>
/// <param name="ReferralId">The hub's referral id.</param>
/// <param name="LegId">The hub's leg id: quote it as legId in every answer.</param>
public sealed record HubReferences(Guid ReferralId, Guid LegId);

/// <summary>The young person referred.</summary>
/// <param name="GivenName">The young person's given name.</param>
/// <param name="FamilyName">The young person's family name.</param>
/// <param name="DateOfBirth">The young person's date of birth.</param>
/// <param name="LocalAuthorityPersonId">The local authority's own person id, matching <see cref="IdentifierPatterns.LocalAuthorityPersonId"/>.</param>
/// <param name="Contact">How to contact the young person (they consented to share it).</param>
public sealed record DutyToReferPerson(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? LocalAuthorityPersonId,
    DutyToReferContact Contact);

/// <summary>How to contact the young person; each detail only where known.</summary>
/// <param name="Email">The young person's e-mail address, if known.</param>
/// <param name="Phone">The young person's phone number, if known.</param>
/// <param name="Address">The young person's address in one line, if known.</param>
/// <param name="Postcode">The young person's postcode, if known.</param>
public sealed record DutyToReferContact(string? Email, string? Phone, string? Address, string? Postcode);

/// <summary>
/// The three consents the duty to refer needs: to be referred, to the housing authority chosen, and to
/// share contact details so the authority can get in touch.
/// </summary>
/// <param name="Referral">Consent to be referred.</param>
/// <param name="ChosenHousingAuthority">Consent to the housing authority chosen.</param>
/// <param name="ShareContactDetails">Consent to share contact details with it.</param>
/// <param name="Evidence">Where the consent is recorded, in words.</param>
public sealed record DutyToReferConsents(
    DutyToReferConsent Referral,
    DutyToReferConsent ChosenHousingAuthority,
    DutyToReferConsent ShareContactDetails,
    string? Evidence);

/// <summary>One consent as recorded.</summary>
/// <param name="Given">Always true: the hub sends no referral without it.</param>
/// <param name="RecordedBy">Who recorded the consent.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record DutyToReferConsent(bool Given, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The pathway plan sections a housing authority may see; any of them may be absent.</summary>
/// <param name="Accommodation">The accommodation section, if shared.</param>
/// <param name="Financial">The financial section, if shared.</param>
/// <param name="PracticalSkills">The practical skills section, if shared.</param>
/// <param name="Contingency">The contingency section, if shared.</param>
public sealed record DutyToReferSections(
    DutyToReferSection? Accommodation,
    DutyToReferSection? Financial,
    DutyToReferSection? PracticalSkills,
    DutyToReferSection? Contingency);

/// <summary>One pathway plan section.</summary>
/// <param name="Needs">The needs the pathway plan records under this heading.</param>
/// <param name="Actions">The actions agreed.</param>
/// <param name="Owner">Who owns the actions, if named.</param>
/// <param name="ReviewDate">When the section is next reviewed, if set.</param>
public sealed record DutyToReferSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);

/// <summary>The Personal Adviser who made the referral, for the housing authority to speak to.</summary>
/// <param name="Name">The Personal Adviser's name.</param>
/// <param name="Email">Their e-mail address, if known.</param>
/// <param name="Phone">Their phone number, if known.</param>
/// <param name="LocalAuthority">The local authority they work for.</param>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);
