using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Demo;

/// <summary>
/// DEMO ONLY: a delivery channel that stands in for every agency's system. The adapter has put
/// the leg in the agency's own format (logged here by size and type); the stand-in acknowledges it
/// and, a few seconds later, answers as its agency's definition says (<see cref="DemoStandIn"/>),
/// always as the organisation the leg was delivered to, the only one the hub takes its answers from.
/// </summary>
public sealed class DemoPartnerChannel(IBus bus, AgencyDefinitions agencies, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoPartnerChannel> logger) : IAgencyChannel
{
    public const string ChannelName = "Demo";

    public string Name => ChannelName;

    public async Task<DeliveryReceipt> DeliverAsync(AgencyDelivery delivery, CancellationToken cancellationToken)
    {
        logger.LogInformation("Demo {Agency} received a {Kind} for leg {LegId}: {ContentType}, {Length} characters",
            delivery.Agency, delivery.Kind, delivery.LegId, delivery.Document.ContentType, delivery.Document.Body.Length);
        if (delivery.Kind == AgencyDelivery.ReferralKind)
        {
            await AnswerAsync(delivery, cancellationToken);
        }

        return new DeliveryReceipt(ReceivedByAgency: false);
    }

    async Task AnswerAsync(AgencyDelivery delivery, CancellationToken cancellationToken)
    {
        var (leg, agency, organisation) = (delivery.LegId, delivery.Agency, delivery.Recipient.Code);
        var worker = $"Demo {agency} worker";
        await Task.Delay(options.Value.AnswerDelay, clock, cancellationToken);
        await bus.PublishAsync(
            new LegAcknowledged(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), $"DEMO-{leg.ToString()[..8].ToUpperInvariant()}"), organisation, cancellationToken);

        await Task.Delay(options.Value.AnswerDelay, clock, cancellationToken);
        foreach (var answer in agencies.For(agency).Demo.AnswersTo(new DemoAnswer(leg, agency, worker, clock.GetUtcNow(), NewId.NextGuid)))
        {
            await bus.PublishAsync(answer, organisation, cancellationToken);
        }
    }
}
