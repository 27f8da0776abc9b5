using IntegrationHub.Contracts.V1;
using MassTransit;

namespace IntegrationHub.Notifications;

/// <summary>
/// Tells an escalation's owner (the team managers, the head of service or the board members of
/// its local authority) that it was raised, moved up to them, or resolved.
/// </summary>
public sealed class NotifyEscalationOwnerConsumer(EscalationNotifier notifier) :
    IConsumer<EscalationRaised>,
    IConsumer<EscalationLevelChanged>,
    IConsumer<EscalationResolved>
{
    public Task Consume(ConsumeContext<EscalationRaised> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Owner, context.CancellationToken);

    public Task Consume(ConsumeContext<EscalationLevelChanged> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Owner, context.CancellationToken);

    public Task Consume(ConsumeContext<EscalationResolved> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Owner, context.CancellationToken);
}

public sealed class NotifyEscalationOwnerConsumerDefinition : ConsumerDefinition<NotifyEscalationOwnerConsumer>
{
    public NotifyEscalationOwnerConsumerDefinition() => EndpointName = NotificationsExtensions.Queue;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NotifyEscalationOwnerConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        NotificationsExtensions.Retry(consumerConfigurator);
}
