using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Security;

namespace IntegrationHub.Demo;

public static class DemoExtensions
{
    /// <summary>Demo data, and a channel on which stand-in agencies answer: organisations choose it with <c>Channel: Demo</c>.</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>()
            .Bind(builder.Configuration.GetSection(DemoOptions.Section))
            .Validate(o => !o.Enabled || HubEnvironments.IsLocal(builder.Environment), "Demo can be enabled only in the Development and Testing environments.")
            .Validate(o => !o.Enabled || builder.Configuration.GetValue<bool>($"{LocalTokenOptions.Section}:Enabled"), "Demo needs LocalTokens enabled for its demo users.")
            .ValidateOnStart();

        if (!builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled"))
        {
            return builder;
        }

        builder.Services.AddSingleton<IAgencyChannel, DemoPartnerChannel>();
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHostedService<DemoBanner>();
        return builder;
    }
}
