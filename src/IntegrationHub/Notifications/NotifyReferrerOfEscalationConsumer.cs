using IntegrationHub.Contracts.V1;
using MassTransit;

namespace IntegrationHub.Notifications;

/// <summary>Tells the Personal Adviser who made the referral that an escalation of it was raised, moved up, or resolved.</summary>
public sealed class NotifyReferrerOfEscalationConsumer(EscalationNotifier notifier) :
    IConsumer<EscalationRaised>,
    IConsumer<EscalationLevelChanged>,
    IConsumer<EscalationResolved>
{
    public Task Consume(ConsumeContext<EscalationRaised> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Referrer, context.CancellationToken);

    public Task Consume(ConsumeContext<EscalationLevelChanged> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Referrer, context.CancellationToken);

    public Task Consume(ConsumeContext<EscalationResolved> context) =>
        notifier.NotifyAsync(EscalationNotice.For(context.Message), EscalationAudience.Referrer, context.CancellationToken);
}

public sealed class NotifyReferrerOfEscalationConsumerDefinition : ConsumerDefinition<NotifyReferrerOfEscalationConsumer>
{
    public NotifyReferrerOfEscalationConsumerDefinition() => EndpointName = NotificationsExtensions.Queue;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NotifyReferrerOfEscalationConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        NotificationsExtensions.Retry(consumerConfigurator);
}
