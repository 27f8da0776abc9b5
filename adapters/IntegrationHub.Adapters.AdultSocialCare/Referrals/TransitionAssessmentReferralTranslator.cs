using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare.Referrals;

/// <summary>Turns the hub's leg messages into what adult social care receives.</summary>
public static class TransitionAssessmentReferralTranslator
{
    const string Destination = "adult social care";

    /// <summary>
    /// The transition assessment referral for an adult social care leg. Only <see cref="AdultSocialCareSharing.Rule"/>'s
    /// sections, the local authority person id and the NHS number are carried, whatever the leg holds.
    /// </summary>
    /// <exception cref="LegUndeliverableException">The leg is not for adult social care, or fails one of <see cref="AdultSocialCareRequirements.All"/>.</exception>
    public static TransitionAssessmentReferral Translate(LegRequested leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        LegUndeliverableException.ThrowIfAddressedElsewhere(leg.LegId, leg.Agency, AgencyCodes.AdultSocialCare, Destination);
        var ageBand = AdultSocialCareRequirements.CareLeaverAge.ReadFrom(leg, Destination);
        var (person, contact, basis) = (leg.Person, leg.Person.Contact, leg.LawfulBasis);

        return new TransitionAssessmentReferral(
            new HubReferences(leg.ReferralId, leg.LegId),
            leg.Recipient,
            leg.RequestedAt,
            leg.Summary,
            new TransitionPerson(
                person.GivenName,
                person.FamilyName,
                person.DateOfBirth,
                AdultSocialCareSharing.Rule.Identifier(person.Identifiers, IdentifierTypes.LocalAuthorityPersonId),
                AdultSocialCareSharing.Rule.Identifier(person.Identifiers, IdentifierTypes.NhsNumber)?.Replace(" ", "", StringComparison.Ordinal),
                new TransitionContact(contact.Email, contact.Phone, contact.AddressLine, contact.Postcode)),
            ageBand,
            UnderEighteen: ageBand == AgeBands.SixteenToSeventeen,
            new PersonalAdviser(leg.Referrer.Name, leg.Referrer.Email, leg.Referrer.Phone, leg.Referrer.LocalAuthority),
            new TransitionLawfulBasis(basis.Basis, basis.RecordedBy, basis.RecordedAt, basis.Evidence),
            new TransitionAssessmentSections(
                Section(leg, PlanSectionCodes.Health),
                Section(leg, PlanSectionCodes.Accommodation),
                Section(leg, PlanSectionCodes.PracticalSkills),
                Section(leg, PlanSectionCodes.Relationships)));
    }

    /// <summary>Tells adult social care the referral is withdrawn and it must stop the assessment.</summary>
    /// <exception cref="LegUndeliverableException">The cancellation is not for an adult social care leg.</exception>
    public static TransitionAssessmentReferralCancellation Translate(LegCancelled cancelled)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        LegUndeliverableException.ThrowIfAddressedElsewhere(cancelled.LegId, cancelled.Agency, AgencyCodes.AdultSocialCare, Destination);
        return new TransitionAssessmentReferralCancellation(
            new HubReferences(cancelled.ReferralId, cancelled.LegId), cancelled.Recipient, cancelled.Reason, cancelled.Kind, cancelled.CancelledBy, cancelled.CancelledAt);
    }

    static TransitionAssessmentSection? Section(LegRequested leg, string code) =>
        AdultSocialCareSharing.Rule.Section(leg.Sections, code) is { } s ? new TransitionAssessmentSection(s.Needs, s.Actions, s.Owner, s.ReviewDate) : null;
}
