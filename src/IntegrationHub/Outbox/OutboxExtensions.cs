using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenTelemetry.Metrics;

namespace IntegrationHub.Outbox;

public static class OutboxExtensions
{
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, WakeOnCommit<OutboxSignal>>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddSingleton<OutboxPurger>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxPurger>());

        builder.Services.AddOptions<OutboxHealthOptions>()
            .Bind(builder.Configuration.GetSection(OutboxHealthOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxBacklog>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>(OutboxHealthCheck.Name, tags: ["ready"]);

        // Made with the meter provider, so that its gauges are there from the first export.
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInstrumentation(sp => sp.GetRequiredService<OutboxBacklog>()));
        return builder;
    }
}
