using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing.Referrals;

/// <summary>Turns the hub's leg messages into what a housing authority receives under the duty to refer.</summary>
public static class DutyToReferTranslator
{
    const string Destination = "housing";

    /// <summary>
    /// The duty-to-refer referral for a housing leg. Only <see cref="HousingSharing.Rule"/>'s sections and the local
    /// authority person id are carried, whatever the leg holds.
    /// </summary>
    /// <param name="reasonForReferral">One of <see cref="ReasonsForReferral"/>; see there why it is not read from the plan.</param>
    /// <exception cref="LegUndeliverableException">The leg is not for housing, or fails one of <see cref="HousingRequirements.All"/>.</exception>
    public static DutyToReferReferral Translate(LegRequested leg, string reasonForReferral = ReasonsForReferral.ThreatenedWithHomelessness)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (!ReasonsForReferral.All.Contains(reasonForReferral))
        {
            throw new ArgumentOutOfRangeException(
                nameof(reasonForReferral), reasonForReferral, $"Use one of: {string.Join(", ", ReasonsForReferral.All)}.");
        }

        LegUndeliverableException.ThrowIfAddressedElsewhere(leg.LegId, leg.Agency, AgencyCodes.Housing, Destination);
        DeliveryRequirement.ThrowIfAnyUnmetBy(HousingRequirements.All, leg, Destination);
        var ageBand = HousingRequirements.CareLeaverAge.ReadFrom(leg, Destination);

        var sections = new DutyToReferSections(
            Section(leg, PlanSectionCodes.Accommodation),
            Section(leg, PlanSectionCodes.Financial),
            Section(leg, PlanSectionCodes.PracticalSkills),
            Section(leg, PlanSectionCodes.Contingency));
        var given = HousingRequirements.ConsentsGiven(leg.LawfulBasis);
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
