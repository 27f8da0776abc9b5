using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Delivery;

/// <summary>
/// For NHS organisations that pull: nothing is pushed; the leg waits as a Task on the hub's FHIR
/// REST facade (<c>GET /fhir/Task?owner=…</c>) until the organisation's system fetches and updates it.
/// </summary>
public sealed class FhirRestChannel : IAgencyChannel
{
    public string Name => AdapterOptions.FhirRestChannelName;

    public Task<DeliveryReceipt> DeliverAsync(AgencyDelivery delivery, CancellationToken cancellationToken) =>
        delivery.Agency == AgencyCodes.Nhs
            ? Task.FromResult(new DeliveryReceipt(ReceivedByAgency: false))
            : throw new DeliveryFailedException($"The FHIR REST channel serves NHS organisations only; organisation '{delivery.Recipient.Code}' is {delivery.Agency}.", transient: false);
}
