using IntegrationHub.Escalations.Calendar;

namespace IntegrationHub.Escalations;

public static class EscalationsExtensions
{
    public static IHostApplicationBuilder AddEscalations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EscalationOptions>()
            .Bind(builder.Configuration.GetSection(EscalationOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => Contracts.V1.AgencyCodes.All.All(o.Sla.ContainsKey), "Escalations:Sla needs every agency.")
            .ValidateOnStart();
        builder.Services.AddSingleton(_ => WorkingCalendar.EnglandAndWales());
        builder.Services.AddScoped<EscalationRunner>();
        builder.Services.AddHostedService<EscalationScanner>();
        return builder;
    }
}
