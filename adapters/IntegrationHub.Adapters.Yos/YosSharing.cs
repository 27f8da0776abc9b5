using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos;

/// <summary>What the youth offending service is given, whatever the hub sends.</summary>
public static class YosSharing
{
    /// <summary>
    /// Justice, EET, health (speech, language, mental health) and family relationships; of the
    /// identifiers, the CRN when there is one and the local authority's own id: no NHS number, no NI number.
    /// </summary>
    public static SharingRule Rule { get; } = new(
        [PlanSectionCodes.Justice, PlanSectionCodes.Eet, PlanSectionCodes.Health, PlanSectionCodes.Relationships],
        [IdentifierTypes.Crn, IdentifierTypes.LocalAuthorityPersonId]);
}
