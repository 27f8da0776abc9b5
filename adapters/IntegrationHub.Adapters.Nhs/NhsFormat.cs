using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Nhs.Answers;
using IntegrationHub.Adapters.Nhs.Cancellations;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Adapters.Nhs.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Nhs;

/// <summary>The NHS speaks FHIR R4: message Bundles out, Task updates back.</summary>
public sealed class NhsFormat : IAgencyFormat
{
    public const string ContentType = "application/fhir+json";

    public string Agency => AgencyCodes.Nhs;

    public AgencyDocument Referral(LegRequested leg)
    {
        try
        {
            return new AgencyDocument(ContentType, NhsFhirJson.Serialize(NhsReferralBundle.Build(leg)));
        }
        catch (ArgumentException ex)
        {
            throw new LegUndeliverableException(ex.Message);
        }
    }

    public AgencyDocument Cancellation(LegCancelled cancelled) =>
        new(ContentType, NhsFhirJson.Serialize(NhsCancellationBundle.Build(cancelled)));

    public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => [NhsTaskAnswers.FromJson(body)];

    public IReadOnlyDictionary<string, string> DeclineReasons => NhsDeclineReasons.Descriptions;

    /// <summary>
    /// None: the Bundle needs only what every leg the hub makes holds, a recipient ODS code (the hub's
    /// agency directory refuses to start without one) and one of the hub's lawful bases.
    /// </summary>
    public IReadOnlyList<DeliveryRequirement> DeliveryRequirements => [];
}
