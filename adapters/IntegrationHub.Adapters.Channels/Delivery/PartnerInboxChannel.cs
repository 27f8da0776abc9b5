using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Delivery;

/// <summary>
/// For agencies with no system of their own to receive referrals: nothing is pushed; the leg waits
/// in the hub's partner inbox (<c>/partner</c>) until one of the agency's workers answers it there.
/// </summary>
public sealed class PartnerInboxChannel : IAgencyChannel
{
    public string Name => AdapterOptions.PartnerInboxChannelName;

    public Task<DeliveryReceipt> DeliverAsync(AgencyDelivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult(new DeliveryReceipt(ReceivedByAgency: false));
}
