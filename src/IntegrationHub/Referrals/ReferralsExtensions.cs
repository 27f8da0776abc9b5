using IntegrationHub.Adapters.Channels.Agencies;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Referrals;

public static class ReferralsExtensions
{
    public static IHostApplicationBuilder AddReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SharingOptions>()
            .Bind(builder.Configuration.GetSection(SharingOptions.Section))
            .PostConfigure<AgencyDefinitions>((o, agencies) => o.AddDefaults(agencies))
            .Validate<AgencyDefinitions>((o, agencies) => !o.Validate(agencies).Any(), "Sharing names an unknown agency or section.")
            .ValidateOnStart();
        builder.Services.AddOptions<TenantOptions>()
            .Bind(builder.Configuration.GetSection(TenantOptions.Section))
            .Validate(o => o.LocalAuthorities.Values.All(t => !string.IsNullOrWhiteSpace(t.Name)), "Every Tenants:LocalAuthorities entry needs a Name.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LegMessages>();
        builder.Services.AddScoped<ReferralMaker>();
        builder.Services.AddScoped<ReferralService>();
        builder.Services.AddScoped<AgencyAnswerRecorder>();
        return builder;
    }

    public static void AddReferralConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<RecordAgencyAnswerConsumer, RecordAgencyAnswerConsumerDefinition>();
}
