using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp;

/// <summary>What a leg must hold before the Jobcentre can be sent it.</summary>
public static class DwpRequirements
{
    /// <summary>The Jobcentre finds a claimant by National Insurance number.</summary>
    public static DeliveryRequirement<string> NationalInsuranceNumber { get; } = new(
        $"person.identifiers[{IdentifierTypes.NationalInsuranceNumber}]",
        "The Jobcentre needs the young person's National Insurance number: add it to their record.",
        leg => DwpSharing.Rule.Identifier(leg.Person.Identifiers, IdentifierTypes.NationalInsuranceNumber));

    public static DeliveryRequirement<string> CareLeaverAge { get; } = AgeBands.Requirement("The Jobcentre");

    public static IReadOnlyList<DeliveryRequirement> All { get; } = [NationalInsuranceNumber, CareLeaverAge];
}
