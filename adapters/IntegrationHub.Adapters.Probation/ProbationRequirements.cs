using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation;

/// <summary>What a leg must hold before probation can be sent it.</summary>
public static class ProbationRequirements
{
    /// <summary>Probation finds a person by CRN; the events name the person by nothing else.</summary>
    public static DeliveryRequirement<string> Crn { get; } = new(
        $"person.identifiers[{IdentifierTypes.Crn}]",
        "Probation needs the young person's case reference number (CRN): add it to their record.",
        leg => ProbationSharing.Rule.Identifier(leg.Person.Identifiers, IdentifierTypes.Crn));

    public static IReadOnlyList<DeliveryRequirement> All { get; } = [Crn];
}
