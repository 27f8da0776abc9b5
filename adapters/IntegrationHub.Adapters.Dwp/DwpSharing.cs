using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp;

/// <summary>What the Jobcentre is given, whatever the hub sends.</summary>
public static class DwpSharing
{
    /// <summary>EET and financial; of the identifiers, the National Insurance number only, which finds the claim: no NHS number, no CRN.</summary>
    public static SharingRule Rule { get; } = new(
        [PlanSectionCodes.Eet, PlanSectionCodes.Financial],
        [IdentifierTypes.NationalInsuranceNumber]);
}
