using IntegrationHub.Contracts.V1;
using IntegrationHub.Outbox;
using IntegrationHub.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Referrals;

/// <summary>
/// Records an agency's answer on its leg. An answer already handled is ignored; an answer the
/// lifecycle does not allow is refused and recorded on the timeline, never applied; an answer for
/// a leg the hub does not know fails and goes to the error queue with its reason.
/// </summary>
public sealed class RecordAgencyAnswerConsumer(HubDbContext db, TimeProvider clock, ILogger<RecordAgencyAnswerConsumer> logger) :
    IConsumer<LegAcknowledged>,
    IConsumer<LegAccepted>,
    IConsumer<LegDeclined>,
    IConsumer<LegStarted>,
    IConsumer<LegPutOnHold>,
    IConsumer<LegCompleted>,
    IConsumer<LegDeliveryFailed>
{
    const string InboxName = nameof(RecordAgencyAnswerConsumer);

    public Task Consume(ConsumeContext<LegAcknowledged> context) =>
        RecordAsync(context.Message, new LegChange(Received, context.Message.AnsweredBy, context.Message.AnsweredAt, AgencyReference: context.Message.AgencyReference), context.CancellationToken);

    public Task Consume(ConsumeContext<LegAccepted> context) =>
        RecordAsync(context.Message, new LegChange(Accepted, context.Message.AnsweredBy, context.Message.AnsweredAt, Reason: context.Message.Note), context.CancellationToken);

    public Task Consume(ConsumeContext<LegDeclined> context) =>
        RecordAsync(context.Message, new LegChange(Rejected, context.Message.AnsweredBy, context.Message.AnsweredAt, context.Message.Reason, context.Message.ReasonCode), context.CancellationToken);

    public Task Consume(ConsumeContext<LegStarted> context) =>
        RecordAsync(context.Message, new LegChange(InProgress, context.Message.AnsweredBy, context.Message.AnsweredAt, Reason: context.Message.Note), context.CancellationToken);

    public Task Consume(ConsumeContext<LegPutOnHold> context) =>
        RecordAsync(context.Message, new LegChange(OnHold, context.Message.AnsweredBy, context.Message.AnsweredAt, context.Message.Reason), context.CancellationToken);

    public Task Consume(ConsumeContext<LegCompleted> context) =>
        RecordAsync(context.Message, new LegChange(Completed, context.Message.AnsweredBy, context.Message.AnsweredAt, Outcome: context.Message.Outcome), context.CancellationToken);

    public Task Consume(ConsumeContext<LegDeliveryFailed> context) =>
        RecordAsync(context.Message, new LegChange(Failed, context.Message.AnsweredBy, context.Message.AnsweredAt, context.Message.Reason), context.CancellationToken);

    async Task RecordAsync(ILegAnswer answer, LegChange change, CancellationToken cancellationToken)
    {
        if (await db.Inbox.AnyAsync(i => i.Consumer == InboxName && i.MessageKey == answer.AnswerId, cancellationToken))
        {
            logger.LogInformation("Answer {AnswerId} for leg {LegId} was already recorded", answer.AnswerId, answer.LegId);
            return;
        }

        var referral = await db.Referrals
            .Include(r => r.Legs)
            .SingleOrDefaultAsync(r => r.Legs.Any(l => l.Id == answer.LegId), cancellationToken)
            ?? throw new UnknownLegException(answer.LegId);
        var leg = referral.Leg(answer.LegId)!;

        // Times are kept in UTC; an agency that says nothing of the time is taken to mean now.
        change = change with { At = answer.AnsweredAt == default ? clock.GetUtcNow() : answer.AnsweredAt.ToUniversalTime() };
        string? refusal = null;
        if (answer.Agency == leg.Agency && change.To == Received && leg.Status != Requested)
        {
            // An acknowledgement overtaken by the agency's decision says nothing new.
            logger.LogInformation("Late acknowledgement {AnswerId} for leg {LegId} ignored: the leg is already {Status}", answer.AnswerId, leg.Id, leg.Status);
        }
        else if (answer.Agency == leg.Agency)
        {
            // A decision on a leg never acknowledged implies the agency received it.
            if (leg.Status == Requested && change.To is Accepted or Rejected)
            {
                referral.ChangeLeg(leg, change with { To = Received, Reason = null, ReasonCode = null, Outcome = null });
            }

            refusal = referral.ChangeLeg(leg, change);
        }
        else
        {
            refusal = $"The answer came from '{answer.Agency}', but the leg is for '{leg.Agency}'.";
            referral.RefuseLegChange(leg, change, refusal);
        }

        db.Inbox.Add(new InboxEntry { Consumer = InboxName, MessageKey = answer.AnswerId, HandledAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);

        if (refusal is null)
        {
            logger.LogInformation("Leg {LegId} of referral {ReferralId} is now {Status}", leg.Id, referral.Id, leg.Status);
        }
        else
        {
            logger.LogWarning("Answer {AnswerId} for leg {LegId} refused: {Refusal}", answer.AnswerId, leg.Id, refusal);
        }
    }
}

public sealed class UnknownLegException(Guid legId) : Exception($"No leg {legId} is known to the hub.");

public sealed class RecordAgencyAnswerConsumerDefinition : ConsumerDefinition<RecordAgencyAnswerConsumer>
{
    public RecordAgencyAnswerConsumerDefinition() => EndpointName = Endpoints.LegAnswersQueue;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordAgencyAnswerConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Two answers racing for one leg, or a redelivery racing its original, lose on the
        // concurrency token or the inbox key and are tried again; an unknown leg is not retried.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<UnknownLegException>();
            r.Intervals(50, 200, 500, 1000, 2000);
        });

        // One leg's answers are handled one at a time, in the order they arrived.
        var partitioner = endpointConfigurator.CreatePartitioner(16);
        consumerConfigurator.Message<LegAcknowledged>(m => m.UsePartitioner(partitioner, c => c.Message.LegId));
        consumerConfigurator.Message<LegAccepted>(m => m.UsePartitioner(partitioner, c => c.Message.LegId));
        consumerConfigurator.Message<LegDeclined>(m => m.UsePartitioner(partitioner, c => c.Message.LegId));
        consumerConfigurator.Message<LegStarted>(m => m.UsePartitioner(partitioner, c => c.Message.LegId));
        consumerConfigurator.Message<LegPutOnHold>(m => m.UsePartitioner(partitioner, c => c.Message.LegId));
        consumerConfigurator.Message<LegCompleted>(m => m.UsePartitioner(partitioner, c => c.Message.LegId));
        consumerConfigurator.Message<LegDeliveryFailed>(m => m.UsePartitioner(partitioner, c => c.Message.LegId));
    }
}
