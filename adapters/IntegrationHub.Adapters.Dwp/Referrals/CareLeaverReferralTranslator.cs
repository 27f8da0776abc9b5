using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp.Referrals;

/// <summary>Turns the hub's leg messages into what the Jobcentre's care-leaver single point of contact receives.</summary>
public static class CareLeaverReferralTranslator
{
    const string Destination = AgencyCodes.Dwp;

    /// <summary>
    /// The care-leaver referral for a DWP leg. Only <see cref="DwpSharing.Rule"/>'s sections and the National
    /// Insurance number are carried, whatever the leg holds.
    /// </summary>
    /// <exception cref="LegUndeliverableException">The leg is not for DWP, or fails one of <see cref="DwpRequirements.All"/>.</exception>
    public static CareLeaverReferral Translate(LegRequested leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        LegUndeliverableException.ThrowIfAddressedElsewhere(leg.LegId, leg.Agency, AgencyCodes.Dwp, Destination);
        var nino = DwpRequirements.NationalInsuranceNumber.ReadFrom(leg, Destination);
        var ageBand = DwpRequirements.CareLeaverAge.ReadFrom(leg, Destination);
        var contact = leg.Person.Contact;

        return new CareLeaverReferral(
            new HubReferences(leg.ReferralId, leg.LegId),
            leg.Recipient,
            leg.RequestedAt,
            leg.Summary,
            new Claimant(
                nino.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
                leg.Person.GivenName,
                leg.Person.FamilyName,
                leg.Person.DateOfBirth,
                new ClaimantContact(contact.Email, contact.Phone, contact.AddressLine, contact.Postcode)),
            CareLeaver: true,
            ageBand,
            new PersonalAdviser(leg.Referrer.Name, leg.Referrer.Email, leg.Referrer.Phone, leg.Referrer.LocalAuthority),
            new CareLeaverReferralSections(Section(leg, PlanSectionCodes.Eet), Section(leg, PlanSectionCodes.Financial)));
    }

    /// <summary>Tells the Jobcentre the referral is withdrawn and it must stop processing it.</summary>
    /// <exception cref="LegUndeliverableException">The cancellation is not for a DWP leg.</exception>
    public static CareLeaverReferralCancellation Translate(LegCancelled cancelled)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        LegUndeliverableException.ThrowIfAddressedElsewhere(cancelled.LegId, cancelled.Agency, AgencyCodes.Dwp, Destination);
        return new CareLeaverReferralCancellation(
            new HubReferences(cancelled.ReferralId, cancelled.LegId), cancelled.Recipient, cancelled.Reason, cancelled.Kind, cancelled.CancelledBy, cancelled.CancelledAt);
    }

    static CareLeaverReferralSection? Section(LegRequested leg, string code) =>
        DwpSharing.Rule.Section(leg.Sections, code) is { } s ? new CareLeaverReferralSection(s.Needs, s.Actions, s.Owner, s.ReviewDate) : null;
}
