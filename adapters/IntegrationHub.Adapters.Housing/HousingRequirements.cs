using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing;

/// <summary>What a leg must hold before a housing authority can be sent it under the duty to refer.</summary>
public static class HousingRequirements
{
    const string Consent = "consent";

    public static DeliveryRequirement ConsentBasis { get; } = new(
        "lawfulBasis.basis",
        "Housing needs the young person's consent: the duty to refer cannot be made on another lawful basis.",
        leg => leg.LawfulBasis.Basis == Consent);

    public static DeliveryRequirement ConsentToBeReferred { get; } = Given(
        "toBeReferred", "Housing needs the young person's consent to being referred to a housing authority.", c => c.ToBeReferred);

    public static DeliveryRequirement ConsentToChosenHousingAuthority { get; } = Given(
        "toChosenHousingAuthority", "Housing needs the young person's consent to the housing authority chosen with them.", c => c.ToChosenHousingAuthority);

    public static DeliveryRequirement ConsentToShareContactDetails { get; } = Given(
        "toShareContactDetails", "Housing needs the young person's consent to their contact details being shared with the housing authority.", c => c.ToShareContactDetails);

    public static DeliveryRequirement<string> CareLeaverAge { get; } = AgeBands.Requirement("Housing");

    /// <summary>The housing authority must be able to reach the young person to assess them.</summary>
    public static DeliveryRequirement Contact { get; } = new(
        "person.contact",
        "Housing needs a way to contact the young person: add their email address, phone number or address to their record.",
        leg => new[] { leg.Person.Contact.Email, leg.Person.Contact.Phone, leg.Person.Contact.AddressLine }.Any(c => !string.IsNullOrWhiteSpace(c)));

    public static IReadOnlyList<DeliveryRequirement> All { get; } =
        [ConsentBasis, ConsentToBeReferred, ConsentToChosenHousingAuthority, ConsentToShareContactDetails, CareLeaverAge, Contact];

    /// <summary>The duty to refer's three consents: recorded one by one where the referral did; otherwise the consent basis stands for all three.</summary>
    public static HousingReferralConsents ConsentsGiven(LawfulBasis basis) => basis.HousingConsents ?? new HousingReferralConsents(true, true, true);

    static DeliveryRequirement Given(string consent, string need, Func<HousingReferralConsents, bool> given) =>
        new($"lawfulBasis.housingConsents.{consent}", need, leg => given(ConsentsGiven(leg.LawfulBasis)));
}
