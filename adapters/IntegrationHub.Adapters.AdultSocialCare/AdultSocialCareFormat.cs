using IntegrationHub.Adapters.AdultSocialCare.Answers;
using IntegrationHub.Adapters.AdultSocialCare.Referrals;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare;

/// <summary>Adult social care takes transition assessment referrals as plain JSON and sends updates back.</summary>
public sealed class AdultSocialCareFormat : IAgencyFormat
{
    public string Agency => AgencyCodes.AdultSocialCare;

    /// <exception cref="LegUndeliverableException">The leg is not for adult social care, or fails one of <see cref="AdultSocialCareRequirements.All"/>.</exception>
    public AgencyDocument Referral(LegRequested leg) => AgencyJson.Document(TransitionAssessmentReferralTranslator.Translate(leg));

    /// <exception cref="LegUndeliverableException">The cancellation is not for an adult social care leg.</exception>
    public AgencyDocument Cancellation(LegCancelled cancelled) => AgencyJson.Document(TransitionAssessmentReferralTranslator.Translate(cancelled));

    /// <summary>An adult social care update: one hub message, or two when eligible needs are found (accepted, then under way).</summary>
    /// <exception cref="AgencyAnswerRejectedException">The update is unreadable or invalid.</exception>
    public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => AdultSocialCareUpdateTranslator.Translate(body);

    public IReadOnlyDictionary<string, string> DeclineReasons => AdultSocialCareDeclineReasons.Descriptions;

    public IReadOnlyList<DeliveryRequirement> DeliveryRequirements => AdultSocialCareRequirements.All;
}
