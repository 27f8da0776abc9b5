using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Channels.Delivery;

/// <summary>
/// Puts a leg, or its cancellation, in its agency's format and delivers it by the receiving
/// organisation's channel. A leg the agency refuses, or that cannot be put in its format, is reported to the hub as
/// <see cref="LegDeliveryFailed"/> with the reason, so it shows as failed on the referral. An attempt that failed for
/// a reason that may pass (the agency's system away or overloaded) is reported as <see cref="LegDeliveryAttemptFailed"/>:
/// the hub keeps the leg waiting and sends it again later. What it reports of a leg (its receipt, its failure) it
/// reports for the leg's recipient, whose channel it used.
/// </summary>
public sealed class DeliverLegConsumer(
    AgencyDefinitions agencies,
    IEnumerable<IAgencyChannel> channels,
    IOptions<AdapterOptions> options,
    TimeProvider clock,
    ILogger<DeliverLegConsumer> logger) :
    IConsumer<LegRequested>,
    IConsumer<LegCancelled>
{
    public async Task Consume(ConsumeContext<LegRequested> context)
    {
        var leg = context.Message;
        AgencyDocument document;
        try
        {
            document = Format(leg.Agency).Referral(leg);
        }
        catch (LegUndeliverableException ex)
        {
            await FailAsync(context, leg.LegId, leg.Agency, leg.Recipient, ex.Message);
            return;
        }

        var delivery = new AgencyDelivery(leg.LegId, leg.ReferralId, leg.Agency, leg.Recipient, AgencyDelivery.ReferralKind, document);
        try
        {
            var receipt = await Channel(leg.Agency, leg.Recipient).DeliverAsync(delivery, context.CancellationToken);
            // Per message, and the leg's timeline and trace say it already: at Information every delivery would queue for the console.
            logger.LogDebug("Leg {LegId} delivered to {Organisation}", leg.LegId, leg.Recipient.Code);
            if (receipt.ReceivedByAgency)
            {
                await context.PublishAsync(
                    new LegAcknowledged(AnswerIdFor(leg.LegId, "received"), leg.LegId, leg.Agency, leg.Recipient.Name, clock.GetUtcNow(), receipt.AgencyReference),
                    leg.Recipient.Code,
                    context.CancellationToken);
            }
        }
        catch (DeliveryFailedException ex) when (ex.Transient)
        {
            logger.LogWarning("Leg {LegId} not delivered to {Organisation} this time; the hub will send it again: {Reason}", leg.LegId, leg.Recipient.Code, ex.Message);
            await context.PublishAsync(
                new LegDeliveryAttemptFailed(AnswerIdFor(leg.LegId, $"attempt/{Attempt(context)}"), leg.LegId, leg.Agency, $"{leg.Agency} adapter", clock.GetUtcNow(), ex.Message),
                leg.Recipient.Code,
                context.CancellationToken);
        }
        catch (DeliveryFailedException ex)
        {
            await FailAsync(context, leg.LegId, leg.Agency, leg.Recipient, ex.Message);
        }
    }

    public async Task Consume(ConsumeContext<LegCancelled> context)
    {
        var cancelled = context.Message;
        var recipient = cancelled.Recipient;
        var delivery = new AgencyDelivery(
            cancelled.LegId, cancelled.ReferralId, cancelled.Agency, recipient, AgencyDelivery.CancellationKind, Format(cancelled.Agency).Cancellation(cancelled));

        // A cancellation that cannot be delivered must not be lost quietly: it faults, and goes to the error queue to be replayed.
        await Channel(cancelled.Agency, recipient).DeliverAsync(delivery, context.CancellationToken);
        logger.LogInformation("Cancellation of leg {LegId} delivered to {Organisation}", cancelled.LegId, recipient.Code);
    }

    IAgencyFormat Format(string agency) => agencies.For(agency).Format;

    IAgencyChannel Channel(string agency, Organisation recipient)
    {
        var name = options.Value.For(recipient.Code, agencies.For(agency).DefaultChannel).Channel;
        return channels.SingleOrDefault(c => c.Name == name)
            ?? throw new InvalidOperationException($"Organisation '{recipient.Code}' uses channel '{name}', which this process does not have.");
    }

    async Task FailAsync(ConsumeContext context, Guid legId, string agency, Organisation recipient, string reason)
    {
        logger.LogWarning("Leg {LegId} could not be delivered to {Organisation}: {Reason}", legId, recipient.Code, reason);
        await context.PublishAsync(
            new LegDeliveryFailed(AnswerIdFor(legId, $"failed/{Attempt(context)}"), legId, agency, $"{agency} adapter", clock.GetUtcNow(), reason), recipient.Code, context.CancellationToken);
    }

    /// <summary>
    /// Each time the hub sends a leg (first, again after a failed attempt, resent by an operator) it is a new message; a
    /// redelivery of one message keeps its id. So an attempt's answer is recorded once, and the next attempt's is its own.
    /// </summary>
    static string Attempt(ConsumeContext context) => context.MessageId is { } id ? id.ToString("N") : "first";

    /// <summary>The same leg and event always give the same answer id, so a redelivered leg has no second effect.</summary>
    internal static Guid AnswerIdFor(Guid legId, string what) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{legId:N}/{what}"))[..16]);
}
