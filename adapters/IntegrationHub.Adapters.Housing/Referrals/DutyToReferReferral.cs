using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing.Referrals;

/// <summary>
/// A referral under the Homelessness Reduction Act 2017 duty to refer (Housing Act 1996 s.213B): what a
/// housing authority needs to contact the young person and begin its assessment, and nothing more.
/// </summary>
/// <param name="HubReferences">The hub's ids: quote them in every answer.</param>
/// <param name="Recipient">The housing authority chosen with the young person, from the hub's agency directory.</param>
/// <param name="ReferredAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's summary of the referral.</param>
/// <param name="ReasonForReferral">One of <see cref="ReasonsForReferral"/>.</param>
/// <param name="CareLeaver">Always true: the hub refers care leavers only.</param>
/// <param name="AgeBand">One of <see cref="Channels.Formats.AgeBands"/>, on the referral date.</param>
/// <param name="SupportNeeds">Codes from <see cref="SupportNeedCodes"/>.</param>
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
public sealed record HubReferences(Guid ReferralId, Guid LegId);

public sealed record DutyToReferPerson(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? LocalAuthorityPersonId,
    DutyToReferContact Contact);

public sealed record DutyToReferContact(string? Email, string? Phone, string? Address, string? Postcode);

/// <summary>
/// The three consents the duty to refer needs: to be referred, to the housing authority chosen, and to
/// share contact details so the authority can get in touch.
/// </summary>
public sealed record DutyToReferConsents(
    DutyToReferConsent Referral,
    DutyToReferConsent ChosenHousingAuthority,
    DutyToReferConsent ShareContactDetails,
    string? Evidence);

public sealed record DutyToReferConsent(bool Given, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The pathway plan sections a housing authority may see; any of them may be absent.</summary>
public sealed record DutyToReferSections(
    DutyToReferSection? Accommodation,
    DutyToReferSection? Financial,
    DutyToReferSection? PracticalSkills,
    DutyToReferSection? Contingency);

public sealed record DutyToReferSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);

/// <summary>The Personal Adviser who made the referral, for the housing authority to speak to.</summary>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);
