using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Housing.Answers;
using IntegrationHub.Adapters.Housing.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing;

/// <summary>
/// Housing authorities take duty-to-refer referrals as plain JSON and send decisions back. The
/// reason for referral is <see cref="DutyToReferTranslator"/>'s default until the Personal Adviser gives one.
/// </summary>
public sealed class HousingFormat : IAgencyFormat
{
    public string Agency => AgencyCodes.Housing;

    /// <exception cref="LegUndeliverableException">The leg is not for housing, or fails one of <see cref="HousingRequirements.All"/>.</exception>
    public AgencyDocument Referral(LegRequested leg) => AgencyJson.Document(DutyToReferTranslator.Translate(leg));

    /// <exception cref="LegUndeliverableException">The cancellation is not for a housing leg.</exception>
    public AgencyDocument Cancellation(LegCancelled cancelled) => AgencyJson.Document(DutyToReferTranslator.Translate(cancelled));

    /// <summary>A housing decision: an acceptance gives <see cref="LegAccepted"/> then <see cref="HousingDutyAccepted"/>.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The decision is unreadable or invalid.</exception>
    public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => HousingDecisionTranslator.Translate(body);

    public IReadOnlyDictionary<string, string> DeclineReasons => HousingDeclineReasons.Descriptions;

    public IReadOnlyList<DeliveryRequirement> DeliveryRequirements => HousingRequirements.All;
}
