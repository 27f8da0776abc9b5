using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Dwp.Answers;
using IntegrationHub.Adapters.Dwp.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp;

/// <summary>The Jobcentre's care-leaver single point of contact takes referrals as plain JSON and sends updates back.</summary>
public sealed class DwpFormat : IAgencyFormat
{
    public string Agency => AgencyCodes.Dwp;

    /// <exception cref="LegUndeliverableException">The leg is not for DWP, or fails one of <see cref="DwpRequirements.All"/>.</exception>
    public AgencyDocument Referral(LegRequested leg) => AgencyJson.Document(CareLeaverReferralTranslator.Translate(leg));

    /// <exception cref="LegUndeliverableException">The cancellation is not for a DWP leg.</exception>
    public AgencyDocument Cancellation(LegCancelled cancelled) => AgencyJson.Document(CareLeaverReferralTranslator.Translate(cancelled));

    /// <summary>A Jobcentre update: one hub message.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The update is unreadable or invalid.</exception>
    public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => [JobcentreUpdateTranslator.Translate(body)];

    public IReadOnlyDictionary<string, string> DeclineReasons => JobcentreDeclineReasons.Descriptions;

    public IReadOnlyList<DeliveryRequirement> DeliveryRequirements => DwpRequirements.All;
}
