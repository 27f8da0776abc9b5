using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Probation.Answers;
using IntegrationHub.Adapters.Probation.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation;

/// <summary>
/// Probation is told of a referral, and of its cancellation, by a domain event that names the person
/// by CRN only and links to the detail on the hub; it sends its own events back.
/// </summary>
public sealed class ProbationFormat : IAgencyFormat
{
    readonly Uri hubBaseUrl;

    /// <param name="hubBaseUrl">Where probation reaches the hub's API, e.g. https://hub.example.gov.uk/: the events' <c>detailUrl</c> is under it.</param>
    /// <exception cref="ArgumentException">The base URL is not an absolute http(s) URL without query or fragment.</exception>
    public ProbationFormat(Uri hubBaseUrl)
    {
        ProbationReferralTranslator.ThrowIfNotHubBaseUrl(hubBaseUrl);
        this.hubBaseUrl = hubBaseUrl;
    }

    public string Agency => AgencyCodes.Probation;

    /// <summary>The <c>care-leaver-hub.referral.requested</c> event.</summary>
    /// <exception cref="LegUndeliverableException">The leg is not for probation or has no CRN.</exception>
    public AgencyDocument Referral(LegRequested leg) => AgencyJson.Document(ProbationReferralTranslator.RequestedEvent(leg, hubBaseUrl));

    /// <summary>The <c>care-leaver-hub.referral.cancelled</c> event.</summary>
    /// <exception cref="LegUndeliverableException">The cancellation is not for a probation leg, or the leg has no CRN.</exception>
    public AgencyDocument Cancellation(LegCancelled cancelled) => AgencyJson.Document(ProbationReferralTranslator.CancelledEvent(cancelled, hubBaseUrl));

    /// <summary>A probation event: one hub message.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The event is unreadable or invalid.</exception>
    public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => [ProbationEventTranslator.Translate(body)];

    public IReadOnlyDictionary<string, string> DeclineReasons => ProbationDeclineReasons.Descriptions;

    public IReadOnlyList<DeliveryRequirement> DeliveryRequirements => ProbationRequirements.All;
}
