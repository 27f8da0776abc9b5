using IntegrationHub.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Notifications;

/// <summary>E-mails notifications every <see cref="NotificationOptions.SendInterval"/>, or says at start-up that e-mail is off.</summary>
sealed class NotificationMailerService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, DependencyOutages outages, ILogger<NotificationMailerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.EmailEnabled)
        {
            logger.LogInformation("E-mail notifications are off: Notifications:Smtp:Host is not set. Notifications go to the in-hub inbox only");
            return;
        }

        logger.LogInformation("E-mail notifications go through {Host}:{Port} every {Interval}", settings.Smtp.Host, settings.Smtp.Port, settings.SendInterval);
        using var timer = new PeriodicTimer(settings.SendInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pass = await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(stoppingToken);
                if (pass.Sent + pass.Failed > 0)
                {
                    logger.LogInformation("E-mail pass: {Sent} sent, {Failed} failed", pass.Sent, pass.Failed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outages.PassFailed(logger, ex, "The e-mail pass");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
