using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Nhs.Referrals;

/// <summary>What the NHS is given, whatever the hub sends.</summary>
public static class NhsSharing
{
    /// <summary>
    /// Health and emotional and behavioural development; of the identifiers, the NHS number, which finds
    /// the person, and the local authority's id, which the NHS quotes back. No NI number, no CRN.
    /// </summary>
    public static SharingRule Rule { get; } = new(
        [PlanSectionCodes.Health, PlanSectionCodes.EmotionalBehavioural],
        [IdentifierTypes.NhsNumber, IdentifierTypes.LocalAuthorityPersonId]);
}
