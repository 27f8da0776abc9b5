using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Demo;

/// <summary>
/// DEMO ONLY: a delivery channel that stands in for every agency's system. The adapter has put
/// the leg in the agency's own format (logged here by size and type); the stand-in acknowledges it
/// and, a few seconds later, accepts it, except that the Jobcentre declines, and then adds news
/// of the kind each agency sends (a housing duty, a proposed sanction, a release date).
/// </summary>
public sealed class DemoPartnerChannel(IBus bus, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoPartnerChannel> logger) : IAgencyChannel
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
        var (leg, agency) = (delivery.LegId, delivery.Agency);
        var worker = $"Demo {agency} worker";
        await Task.Delay(options.Value.AnswerDelay, clock, cancellationToken);
        await bus.Publish(new LegAcknowledged(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), $"DEMO-{leg.ToString()[..8].ToUpperInvariant()}"), cancellationToken);

        await Task.Delay(options.Value.AnswerDelay, clock, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        object[] answers = agency switch
        {
            AgencyCodes.Dwp =>
            [
                new LegDeclined(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), "already-supported", "Already supported by a work coach at another Jobcentre."),
            ],
            AgencyCodes.Housing =>
            [
                new LegAccepted(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), "Prevention duty owed."),
                new HousingDutyAccepted(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), "prevention", "DEMO-HOU-1"),
            ],
            AgencyCodes.Probation =>
            [
                new LegAccepted(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), "Allocated to a probation practitioner."),
                new CustodyReleasePlanned(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), today.AddDays(20)),
            ],
            AgencyCodes.Yos =>
            [
                new LegAccepted(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), "Youth justice worker allocated."),
                new TransitionToProbationDue(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), today.AddMonths(5)),
            ],
            _ => [new LegAccepted(NewId.NextGuid(), leg, agency, worker, clock.GetUtcNow(), "Accepted by the demo agency.")],
        };
        foreach (var answer in answers)
        {
            await bus.Publish(answer, answer.GetType(), cancellationToken);
        }
    }
}
