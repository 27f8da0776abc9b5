using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing;

/// <summary>What a housing authority is given, whatever the hub sends.</summary>
public static class HousingSharing
{
    /// <summary>
    /// Accommodation, financial, practical skills and contingency; of the identifiers, the local
    /// authority's own id only: no NHS number, no NI number, no CRN.
    /// </summary>
    public static SharingRule Rule { get; } = new(
        [PlanSectionCodes.Accommodation, PlanSectionCodes.Financial, PlanSectionCodes.PracticalSkills, PlanSectionCodes.Contingency],
        [IdentifierTypes.LocalAuthorityPersonId]);
}
