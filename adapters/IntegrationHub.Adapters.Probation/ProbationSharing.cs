using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation;

/// <summary>What probation is given, whatever the hub sends.</summary>
public static class ProbationSharing
{
    /// <summary>Justice, accommodation and EET; of the identifiers, the CRN only, which finds the probation case: no NHS number, no NI number.</summary>
    public static SharingRule Rule { get; } = new(
        [PlanSectionCodes.Justice, PlanSectionCodes.Accommodation, PlanSectionCodes.Eet],
        [IdentifierTypes.Crn]);
}
