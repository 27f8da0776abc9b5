using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;
using MassTransit;

namespace IntegrationHub.Referrals;

/// <summary>
/// Records the agency answers that arrive on the bus, each as coming from the organisation its
/// <see cref="AnsweringOrganisation"/> header names. An answer for a leg the hub does not know fails and
/// goes to the error queue with its reason, to be replayed if the leg turns up; so does an answer from an
/// organisation the leg is not addressed to, having changed nothing.
/// </summary>
public sealed class RecordAgencyAnswerConsumer(AgencyAnswerRecorder recorder) :
    IConsumer<LegAcknowledged>,
    IConsumer<LegAccepted>,
    IConsumer<LegDeclined>,
    IConsumer<LegStarted>,
    IConsumer<LegPutOnHold>,
    IConsumer<LegCompleted>,
    IConsumer<LegDeliveryFailed>,
    IConsumer<LegDeliveryAttemptFailed>,
    IConsumer<HousingDutyAccepted>,
    IConsumer<AppointmentBooked>,
    IConsumer<ClaimUpdated>,
    IConsumer<SanctionProposed>,
    IConsumer<SanctionDecided>,
    IConsumer<CustodyReleasePlanned>,
    IConsumer<SupervisionEnded>,
    IConsumer<TransitionToProbationDue>
{
    public Task Consume(ConsumeContext<LegAcknowledged> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<LegAccepted> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<LegDeclined> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<LegStarted> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<LegPutOnHold> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<LegCompleted> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<LegDeliveryFailed> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<LegDeliveryAttemptFailed> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<HousingDutyAccepted> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<AppointmentBooked> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<ClaimUpdated> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<SanctionProposed> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<SanctionDecided> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CustodyReleasePlanned> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<SupervisionEnded> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<TransitionToProbationDue> context) => RecordAsync(context);

    async Task RecordAsync<T>(ConsumeContext<T> context) where T : class, ILegAnswer
    {
        var outcome = await recorder.RecordAsync(context.Message, AnswerSource.Bus(AnsweringOrganisation.Of(context)), context.CancellationToken);
        if (outcome == AnswerOutcome.UnknownLeg)
        {
            throw new UnknownLegException(context.Message.LegId);
        }

        if (outcome.Kind == AnswerOutcome.WrongOrganisationKind)
        {
            throw new AnswerFromWrongOrganisationException(outcome.Refusal!);
        }
    }
}

public sealed class UnknownLegException(Guid legId) : Exception($"No leg {legId} is known to the hub.");

/// <summary>An answer on the bus from an organisation its leg is not addressed to; the message says which.</summary>
public sealed class AnswerFromWrongOrganisationException(string refusal) : Exception(refusal);

public sealed class RecordAgencyAnswerConsumerDefinition : ConsumerDefinition<RecordAgencyAnswerConsumer>
{
    public RecordAgencyAnswerConsumerDefinition() => EndpointName = Endpoints.LegAnswersQueue;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordAgencyAnswerConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Two answers racing for one leg, or a redelivery racing its original, lose on the
        // concurrency token or the inbox key and are tried again; an unknown leg, or an answer from the
        // wrong organisation, is not retried.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<UnknownLegException>();
            r.Ignore<AnswerFromWrongOrganisationException>();
            r.LeaveOutagesToTheEndpoint();
            r.Intervals(50, 200, 500, 1000, 2000);
        });

        // One leg's answers are handled one at a time, in the order they arrived.
        var partitioner = endpointConfigurator.CreatePartitioner(16);
        Partition<LegAcknowledged>();
        Partition<LegAccepted>();
        Partition<LegDeclined>();
        Partition<LegStarted>();
        Partition<LegPutOnHold>();
        Partition<LegCompleted>();
        Partition<LegDeliveryFailed>();
        Partition<LegDeliveryAttemptFailed>();
        Partition<HousingDutyAccepted>();
        Partition<AppointmentBooked>();
        Partition<ClaimUpdated>();
        Partition<SanctionProposed>();
        Partition<SanctionDecided>();
        Partition<CustodyReleasePlanned>();
        Partition<SupervisionEnded>();
        Partition<TransitionToProbationDue>();

        void Partition<T>() where T : class, ILegAnswer =>
            consumerConfigurator.Message<T>(m => m.UsePartitioner(partitioner, c => c.Message.LegId));
    }
}
