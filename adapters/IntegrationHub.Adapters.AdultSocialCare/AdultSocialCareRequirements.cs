using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;

namespace IntegrationHub.Adapters.AdultSocialCare;

/// <summary>What a leg must hold before adult social care can be sent it.</summary>
public static class AdultSocialCareRequirements
{
    /// <summary>
    /// The referral states the young person's age band and whether they are under 18 (a child's needs
    /// assessment, Care Act 2014 s.58) or not (an adult's, s.9), so it needs a care leaver's age, 16 to 25.
    /// Nothing else: no identifier is required (the council's own service finds the person by name and date of
    /// birth where it has no id), and no contact detail, as it arranges the assessment through the Personal Adviser.
    /// </summary>
    public static DeliveryRequirement<string> CareLeaverAge { get; } = AgeBands.Requirement("Adult social care");

    public static IReadOnlyList<DeliveryRequirement> All { get; } = [CareLeaverAge];
}
