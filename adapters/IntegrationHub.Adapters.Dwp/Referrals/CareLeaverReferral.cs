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
/// <param name="Summary">The Personal Adviser's summary of the referral.</param>
/// <param name="CareLeaver">Always true: the hub refers care leavers only.</param>
/// <param name="AgeBand">One of <see cref="Channels.Formats.AgeBands"/>, on the referral date.</param>
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
public sealed record HubReferences(Guid ReferralId, Guid LegId);

/// <param name="NationalInsuranceNumber">Upper case, without spaces.</param>
public sealed record Claimant(
    string NationalInsuranceNumber,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    ClaimantContact Contact);

public sealed record ClaimantContact(string? Email, string? Phone, string? Address, string? Postcode);

/// <summary>The pathway plan sections the Jobcentre may see; either may be absent.</summary>
public sealed record CareLeaverReferralSections(CareLeaverReferralSection? Eet, CareLeaverReferralSection? Financial);

public sealed record CareLeaverReferralSection(IReadOnlyList<string> Needs, IReadOnlyList<string> Actions, string? Owner, DateOnly? ReviewDate);

/// <summary>The young person's Personal Adviser, whom the Jobcentre speaks to.</summary>
public sealed record PersonalAdviser(string Name, string? Email, string? Phone, string LocalAuthority);
