using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels;

/// <summary>
/// One agency's own format: what the hub's leg messages become on the way out, and what the
/// agency's answers mean on the way back in. What the formats share is in <c>IntegrationHub.Adapters.Channels.Formats</c>.
/// </summary>
public interface IAgencyFormat
{
    string Agency { get; }

    /// <summary>The agency's referral document; throws <see cref="LegUndeliverableException"/> when the leg cannot be put in this format.</summary>
    AgencyDocument Referral(LegRequested leg);

    AgencyDocument Cancellation(LegCancelled cancelled);

    /// <summary>The hub messages an answer document means; throws <see cref="AgencyAnswerRejectedException"/> naming every bad field when it is not valid.</summary>
    IReadOnlyList<ILegAnswer> ReadAnswer(string body);

    /// <summary>
    /// The agency's own codes for declining a referral, each with the words a person is shown: what a
    /// worker answering in the hub's partner inbox chooses from.
    /// </summary>
    IReadOnlyDictionary<string, string> DeclineReasons { get; }

    /// <summary>
    /// What a leg must hold for <see cref="Referral"/> to deliver it: the hub refuses a referral that
    /// fails one, and <see cref="Referral"/> throws <see cref="LegUndeliverableException"/> naming its field.
    /// </summary>
    IReadOnlyList<DeliveryRequirement> DeliveryRequirements { get; }
}

public sealed record AgencyDocument(string ContentType, string Body);
