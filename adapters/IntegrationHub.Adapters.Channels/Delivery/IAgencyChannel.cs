using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Delivery;

/// <summary>How an agency's documents reach it.</summary>
public interface IAgencyChannel
{
    /// <summary>The name organisations choose it by in <c>Adapters:Organisations:{code}:Channel</c>.</summary>
    string Name { get; }

    /// <summary>Delivers the document, or throws <see cref="DeliveryFailedException"/> once the channel has given up.</summary>
    Task<DeliveryReceipt> DeliverAsync(AgencyDelivery delivery, CancellationToken cancellationToken);
}

public sealed record AgencyDelivery(Guid LegId, Guid ReferralId, string Agency, Organisation Recipient, string Kind, AgencyDocument Document)
{
    public const string ReferralKind = "referral";
    public const string CancellationKind = "cancellation";
}

/// <summary>
/// What the channel knows once it has delivered: whether the agency's own system has confirmed
/// receipt (a webhook's 2xx) or the document only waits in the agency's queue.
/// </summary>
public sealed record DeliveryReceipt(bool ReceivedByAgency, string? AgencyReference = null);

/// <param name="transient">
/// The agency's system was away or overloaded (a timeout, an open circuit, a refused connection, HTTP 5xx, 408 or 429): the
/// same document may well get through later, so the leg keeps waiting and is tried again. Otherwise the agency's system
/// refused the document itself, or the organisation's channel is misconfigured, and trying again changes nothing.
/// </param>
public sealed class DeliveryFailedException(string reason, bool transient, Exception? inner = null) : Exception(reason, inner)
{
    public bool Transient { get; } = transient;
}
