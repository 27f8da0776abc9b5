using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos.Referrals;

/// <summary>Turns the hub's leg messages into what a youth offending service receives.</summary>
public static class YouthJusticeReferralTranslator
{
    const string Destination = "the youth offending service";

    /// <summary>
    /// The youth justice referral for a YOS leg. Only <see cref="YosSharing.Rule"/>'s sections, the CRN and the
    /// local authority person id are carried, whatever the leg holds.
    /// </summary>
    /// <exception cref="LegUndeliverableException">The leg is not for the YOS.</exception>
    public static YouthJusticeReferral Translate(LegRequested leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        LegUndeliverableException.ThrowIfAddressedElsewhere(leg.LegId, leg.Agency, AgencyCodes.Yos, Destination);
        var (person, contact) = (leg.Person, leg.Person.Contact);

        return new YouthJusticeReferral(
            new HubReferences(leg.ReferralId, leg.LegId),
            leg.Recipient,
            leg.RequestedAt,
            leg.Summary,
            new YouthJusticePerson(
                person.GivenName,
                person.FamilyName,
                person.DateOfBirth,
                YosSharing.Rule.Identifier(person.Identifiers, IdentifierTypes.Crn)?.ToUpperInvariant(),
                YosSharing.Rule.Identifier(person.Identifiers, IdentifierTypes.LocalAuthorityPersonId),
                new YouthJusticeContact(contact.Email, contact.Phone, contact.AddressLine, contact.Postcode)),
            new PersonalAdviser(leg.Referrer.Name, leg.Referrer.Email, leg.Referrer.Phone, leg.Referrer.LocalAuthority),
            new YouthJusticeSections(
                Section(leg, PlanSectionCodes.Justice),
                Section(leg, PlanSectionCodes.Eet),
                Section(leg, PlanSectionCodes.Health),
                Section(leg, PlanSectionCodes.Relationships)));
    }

    /// <summary>Tells the YOS the referral is withdrawn and it must stop processing it.</summary>
    /// <exception cref="LegUndeliverableException">The cancellation is not for a YOS leg.</exception>
    public static YouthJusticeReferralCancellation Translate(LegCancelled cancelled)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        LegUndeliverableException.ThrowIfAddressedElsewhere(cancelled.LegId, cancelled.Agency, AgencyCodes.Yos, Destination);
        return new YouthJusticeReferralCancellation(
            new HubReferences(cancelled.ReferralId, cancelled.LegId), cancelled.Recipient, cancelled.Reason, cancelled.Kind, cancelled.CancelledBy, cancelled.CancelledAt);
    }

    static YouthJusticeSection? Section(LegRequested leg, string code) =>
        YosSharing.Rule.Section(leg.Sections, code) is { } s ? new YouthJusticeSection(s.Needs, s.Actions, s.Owner, s.ReviewDate) : null;
}
