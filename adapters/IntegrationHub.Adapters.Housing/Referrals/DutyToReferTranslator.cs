using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing.Referrals;

/// <summary>Turns the hub's leg messages into what a housing authority receives under the duty to refer.</summary>
public static class DutyToReferTranslator
{
    const string Consent = "consent";
    const string Destination = "housing";

    /// <summary>
    /// The duty-to-refer referral for a housing leg. Only <see cref="HousingSharing.Rule"/>'s sections and the local
    /// authority person id are carried, whatever the leg holds.
    /// </summary>
    /// <param name="reasonForReferral">One of <see cref="ReasonsForReferral"/>; see there why it is not read from the plan.</param>
    /// <exception cref="LegUndeliverableException">The leg is not for housing, has no consent, or the young person is not 16 to 25.</exception>
    public static DutyToReferReferral Translate(LegRequested leg, string reasonForReferral = ReasonsForReferral.ThreatenedWithHomelessness)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (!ReasonsForReferral.All.Contains(reasonForReferral))
        {
            throw new ArgumentOutOfRangeException(
                nameof(reasonForReferral), reasonForReferral, $"Use one of: {string.Join(", ", ReasonsForReferral.All)}.");
        }

        LegUndeliverableException.ThrowIfAddressedElsewhere(leg.LegId, leg.Agency, AgencyCodes.Housing, Destination);
        if (leg.LawfulBasis.Basis != Consent)
        {
            throw new LegUndeliverableException(leg.LegId, Destination, "lawfulBasis.basis",
                $"the duty to refer needs the young person's consent, but the lawful basis is '{leg.LawfulBasis.Basis}'.");
        }

        var ageBand = AgeBands.On(leg.Person.DateOfBirth, leg.RequestedAt)
            ?? throw new LegUndeliverableException(leg.LegId, Destination, "person.dateOfBirth",
                "the young person's age on the referral date is outside the care leaver range of 16 to 25.");

        var sections = new DutyToReferSections(
            Section(leg, PlanSectionCodes.Accommodation),
            Section(leg, PlanSectionCodes.Financial),
            Section(leg, PlanSectionCodes.PracticalSkills),
            Section(leg, PlanSectionCodes.Contingency));
        // Recorded one by one where the referral did; otherwise the consent basis stands for all three.
        var given = leg.LawfulBasis.HousingConsents ?? new HousingReferralConsents(true, true, true);
        if (!(given.ToBeReferred && given.ToChosenHousingAuthority && given.ToShareContactDetails))
        {
            throw new LegUndeliverableException(leg.LegId, Destination, "lawfulBasis.housingConsents",
                "the duty to refer needs all three consents: to be referred, to the housing authority chosen, and to share contact details.");
        }

        DutyToReferConsent Recorded(bool isGiven) => new(isGiven, leg.LawfulBasis.RecordedBy, leg.LawfulBasis.RecordedAt);
        var contact = leg.Person.Contact;

        return new DutyToReferReferral(
            new HubReferences(leg.ReferralId, leg.LegId),
            leg.Recipient,
            leg.RequestedAt,
            leg.Summary,
            new DutyToReferPerson(
                leg.Person.GivenName,
                leg.Person.FamilyName,
                leg.Person.DateOfBirth,
                HousingSharing.Rule.Identifier(leg.Person.Identifiers, IdentifierTypes.LocalAuthorityPersonId),
                new DutyToReferContact(contact.Email, contact.Phone, contact.AddressLine, contact.Postcode)),
            new DutyToReferConsents(Recorded(given.ToBeReferred), Recorded(given.ToChosenHousingAuthority), Recorded(given.ToShareContactDetails), leg.LawfulBasis.Evidence),
            reasonForReferral,
            CareLeaver: true,
            ageBand,
            SupportNeeds(ageBand, sections),
            sections,
            new PersonalAdviser(leg.Referrer.Name, leg.Referrer.Email, leg.Referrer.Phone, leg.Referrer.LocalAuthority));
    }

    /// <summary>Tells the housing authority the referral is withdrawn and it must stop processing it.</summary>
    /// <exception cref="LegUndeliverableException">The cancellation is not for a housing leg.</exception>
    public static DutyToReferCancellation Translate(LegCancelled cancelled)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        LegUndeliverableException.ThrowIfAddressedElsewhere(cancelled.LegId, cancelled.Agency, AgencyCodes.Housing, Destination);
        return new DutyToReferCancellation(
            new HubReferences(cancelled.ReferralId, cancelled.LegId), cancelled.Recipient, cancelled.Reason, cancelled.Kind, cancelled.CancelledBy, cancelled.CancelledAt);
    }

    /// <summary>
    /// H-CLIC support needs from what housing is shown: the age-based young person or care leaver need
    /// always; support to manage independently when the practical skills section names a need and the
    /// young person is 18 or over (at 16-17 the young person need covers it). Health, EET, justice and
    /// the other sections are never shared with housing, so their needs are never derived.
    /// </summary>
    static List<string> SupportNeeds(string ageBand, DutyToReferSections sections)
    {
        List<string> needs =
        [
            ageBand switch
            {
                AgeBands.SixteenToSeventeen => SupportNeedCodes.YoungPerson16To17,
                AgeBands.EighteenToTwenty => SupportNeedCodes.CareLeaver18To20,
                _ => SupportNeedCodes.CareLeaver21Plus,
            },
        ];
        if (ageBand != AgeBands.SixteenToSeventeen && sections.PracticalSkills is { Needs.Count: > 0 })
        {
            needs.Add(SupportNeedCodes.YoungPersonSupportToManageIndependently);
        }

        return needs;
    }

    static DutyToReferSection? Section(LegRequested leg, string code) =>
        HousingSharing.Rule.Section(leg.Sections, code) is { } s ? new DutyToReferSection(s.Needs, s.Actions, s.Owner, s.ReviewDate) : null;
}
