using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Escalations.Triggers;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Escalations;

public static class EscalationsExtensions
{
    /// <summary>
    /// The ladder, its scanner and every <see cref="IEscalationTrigger"/> of this assembly. The SLAs and
    /// unacceptable declines an agency's definition declares are its defaults; configuration overrides them.
    /// </summary>
    public static IHostApplicationBuilder AddEscalations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EscalationOptions>()
            .Bind(builder.Configuration.GetSection(EscalationOptions.Section))
            .PostConfigure<AgencyDefinitions>((options, agencies) => options.FillFrom(agencies))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        builder.Services.AddSingleton(_ => WorkingCalendar.EnglandAndWales());
        foreach (var trigger in typeof(IEscalationTrigger).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IEscalationTrigger))))
        {
            builder.Services.AddScoped(typeof(IEscalationTrigger), trigger);
        }

        builder.Services.AddScoped<EscalationTriggers>();
        builder.Services.AddScoped<EscalationRunner>();
        builder.Services.AddScoped<EscalationService>();
        builder.Services.AddHostedService<EscalationScanner>();
        return builder;
    }
}
