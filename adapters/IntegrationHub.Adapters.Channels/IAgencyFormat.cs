using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels;

/// <summary>
/// One agency's own format: what the hub's leg messages become on the way out, and what the
/// agency's answers mean on the way back in.
/// </summary>
public interface IAgencyFormat
{
    string Agency { get; }

    /// <summary>The agency's referral document; throws <see cref="LegUndeliverableException"/> when the leg cannot be put in this format.</summary>
    AgencyDocument Referral(LegRequested leg);

    AgencyDocument Cancellation(LegCancelled cancelled);

    /// <summary>The hub messages an answer document means; throws <see cref="AgencyAnswerRejectedException"/> naming the field when it is not valid.</summary>
    IReadOnlyList<ILegAnswer> ReadAnswer(string body);
}

public sealed record AgencyDocument(string ContentType, string Body);

/// <summary>The leg cannot be delivered in the agency's format, e.g. a Jobcentre referral without a National Insurance number.</summary>
public sealed class LegUndeliverableException(string reason) : Exception(reason);

/// <summary>An agency's answer document is not valid: <see cref="Field"/> names what is wrong.</summary>
public sealed class AgencyAnswerRejectedException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
    public string Reason { get; } = message;
}
