using IntegrationHub.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The hub's queue for the events it tells people about.</summary>
    public const string Queue = "hub-notifications";

    /// <summary>
    /// Notifications in the in-hub inbox, and their e-mail copies through SMTP when
    /// <c>Notifications:Smtp:Host</c> is set (the settings are checked at start-up then).
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>()
            .Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        builder.Services.AddScoped<EscalationWording>();
        builder.Services.AddScoped<EscalationNotifier>();
        builder.Services.AddScoped<InboxService>();
        builder.Services.AddScoped<NotificationMailer>();
        builder.Services.AddHostedService<NotificationMailerService>();
        return builder;
    }

    public static void AddNotificationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<NotifyEscalationOwnerConsumer, NotifyEscalationOwnerConsumerDefinition>();
        bus.AddConsumer<NotifyReferrerOfEscalationConsumer, NotifyReferrerOfEscalationConsumerDefinition>();
        bus.AddConsumer<NotifyAgencyOfEscalationConsumer, NotifyAgencyOfEscalationConsumerDefinition>();
    }

    /// <summary>
    /// A redelivery racing its original loses on the inbox key and is tried again, to find the
    /// step already told; an escalation the hub does not know fails to the error queue in the end.
    /// </summary>
    internal static void Retry<T>(IConsumerConfigurator<T> consumer) where T : class =>
        consumer.UseMessageRetry(r =>
        {
            r.LeaveOutagesToTheEndpoint();
            r.Intervals(50, 200, 500, 1000, 2000);
        });
}
