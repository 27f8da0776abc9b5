using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Yos.Answers;
using IntegrationHub.Adapters.Yos.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos;

/// <summary>A youth offending service takes youth justice referrals as plain JSON and sends updates back.</summary>
public sealed class YosFormat : IAgencyFormat
{
    public string Agency => AgencyCodes.Yos;

    /// <exception cref="LegUndeliverableException">The leg is not for the YOS.</exception>
    public AgencyDocument Referral(LegRequested leg) => AgencyJson.Document(YouthJusticeReferralTranslator.Translate(leg));

    /// <exception cref="LegUndeliverableException">The cancellation is not for a YOS leg.</exception>
    public AgencyDocument Cancellation(LegCancelled cancelled) => AgencyJson.Document(YouthJusticeReferralTranslator.Translate(cancelled));

    /// <summary>A YOS update: one hub message.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The update is unreadable or invalid.</exception>
    public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => [YosUpdateTranslator.Translate(body)];

    public IReadOnlyDictionary<string, string> DeclineReasons => YosDeclineReasons.Descriptions;

    /// <summary>None: a youth justice referral carries the CRN and the local authority's id when the leg has them, and goes without.</summary>
    public IReadOnlyList<DeliveryRequirement> DeliveryRequirements => [];
}
