using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare.Referrals;

/// <summary>
/// A request to adult social care for a Care Act 2014 needs assessment of a care leaver approaching or past 18:
/// a child's needs assessment for the transition to adult care and support (sections 58 and 59) while they are
/// under 18, an adult's needs assessment (section 9) after. It carries the young person with their local authority
/// id and NHS number, the pathway plan sections that record their care and support needs, the Personal Adviser,
/// and the lawful basis on which it is shared.
/// </summary>
/// <param name="HubReferences">The hub's ids: quote them in every update.</param>
/// <param name="Recipient">The adult social care team, from the hub's agency directory.</param>
/// <param name="ReferredAt">When the Personal Adviser made the referral.</param>
/// <param name="Summary">The Personal Adviser's reason for referring to this agency, written for it alone.</param>
/// <param name="Person">The young person.</param>
/// <param name="AgeBand">One of <see cref="Channels.Formats.AgeBands"/>, on the referral date.</param>
/// <param name="UnderEighteen">
/// True when the young person is under 18 on the referral date, so the assessment is a child's needs assessment
/// (Care Act 2014 s.58); false when they are 18 or over, so it is an adult's needs assessment (s.9).
/// </param>
/// <param name="Referrer">The Personal Adviser who made the referral, through whom the assessment is arranged.</param>
/// <param name="LawfulBasis">Why adult social care may receive the young person's data.</param>
/// <param name="Sections">The pathway plan sections that record the young person's care and support needs.</param>
public sealed record TransitionAssessmentReferral(
    HubReferences HubReferences,
    Organisation Recipient,
    DateTimeOffset ReferredAt,
    string Summary,
    TransitionPerson Person,
    string AgeBand,
    bool UnderEighteen,
    PersonalAdviser Referrer,
    TransitionLawfulBasis LawfulBasis,
    TransitionAssessmentSections Sections);

/// <summary>The hub's references for a leg; an agency quotes them back.</summary>
/// <param name="ReferralId">The hub's referral id.</param>
/// <param name="LegId">The hub's leg id: quote it as legId in every answer.</param>
public sealed record HubReferences(Guid ReferralId, Guid LegId);

/// <summary>The young person referred.</summary>
/// <param name="GivenName">The young person's given name.</param>
/// <param name="FamilyName">The young person's family name.</param>
/// <param name="DateOfBirth">The young person's date of birth.</param>
/// <param name="LocalAuthorityPersonId">The local authority's own person id, if the young person has one, matching <see cref="IdentifierPatterns.LocalAuthorityPersonId"/>.</param>
/// <param name="NhsNumber">The young person's NHS number, if known, matching <see cref="IdentifierPatterns.NhsNumber"/>.</param>
/// <param name="Contact">How to contact the young person.</param>
public sealed record TransitionPerson(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? LocalAuthorityPersonId,
    string? NhsNumber,
    TransitionContact Contact);

/// <summary>How to contact the young person; each detail only where known.</summary>
/// <param name="Email">The young person's e-mail address, if known.</param>
/// <param name="Phone">The young person's phone number, if known.</param>
/// <param name="Address">The young person's address in one line, if known.</param>
/// <param name="Postcode">The young person's postcode, if known.</param>
public sealed record TransitionContact(string? Email, string? Phone, string? Address, string? Postcode);

/// <summary>The Personal Adviser who made the referral, for adult social care to speak to.</summary>
/// <param name="Name">The Personal Adviser's name.</param>
/// <param name="Email">Their e-mail address, if known.</param>
/// <param name="Phone">Their phone number, if known.</param>
/// <param name="LocalAuthority">The local authority they work for.</param>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);

/// <summary>Why adult social care may receive the young person's data (UK GDPR Article 6), as the Personal Adviser recorded it.</summary>
/// <param name="Basis">One of <see cref="LawfulBases"/>.</param>
/// <param name="RecordedBy">Who recorded the lawful basis.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Evidence">The evidence of it in words, e.g. where the signed consent is kept, if recorded.</param>
public sealed record TransitionLawfulBasis(string Basis, string RecordedBy, DateTimeOffset RecordedAt, string? Evidence);

/// <summary>
/// The pathway plan sections that record the young person's care and support needs (see
/// <see cref="AdultSocialCareSharing.Rule"/> for how the Care Act's eligibility outcomes fall under them); any may be absent.
/// </summary>
/// <param name="Health">Physical and mental health: the impairment or illness needs arise from, if shared.</param>
/// <param name="Accommodation">Where the young person lives and will live, if shared.</param>
/// <param name="PracticalSkills">Practical skills for living independently (meals, personal care, managing a home), if shared.</param>
/// <param name="Relationships">Family and social relationships, if shared.</param>
public sealed record TransitionAssessmentSections(
    TransitionAssessmentSection? Health,
    TransitionAssessmentSection? Accommodation,
    TransitionAssessmentSection? PracticalSkills,
    TransitionAssessmentSection? Relationships);

/// <summary>One pathway plan section.</summary>
/// <param name="Needs">The needs the pathway plan records under this heading.</param>
/// <param name="Actions">The actions agreed.</param>
/// <param name="Owner">Who owns the actions, if named.</param>
/// <param name="ReviewDate">When the section is next reviewed, if set.</param>
public sealed record TransitionAssessmentSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);
