using IntegrationHub.Contracts.V1;
using MassTransit;

namespace IntegrationHub.Notifications;

/// <summary>Tells the managers of the agency concerned that an escalation about its work was raised, moved up, or resolved.</summary>
public sealed class NotifyAgencyOfEscalationConsumer(EscalationNotifier notifier) :
    IConsumer<EscalationRaised>,
    IConsumer<EscalationLevelChanged>,
    IConsumer<EscalationResolved>
{
    public Task Consume(ConsumeContext<EscalationRaised> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Agency, context.CancellationToken);

    public Task Consume(ConsumeContext<EscalationLevelChanged> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Agency, context.CancellationToken);

    public Task Consume(ConsumeContext<EscalationResolved> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Agency, context.CancellationToken);
}

public sealed class NotifyAgencyOfEscalationConsumerDefinition : ConsumerDefinition<NotifyAgencyOfEscalationConsumer>
{
    public NotifyAgencyOfEscalationConsumerDefinition() => EndpointName = NotificationsExtensions.Queue;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NotifyAgencyOfEscalationConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        NotificationsExtensions.Retry(consumerConfigurator);
}
