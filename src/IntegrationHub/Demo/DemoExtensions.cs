using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;
using IntegrationHub.Security;

namespace IntegrationHub.Demo;

public static class DemoExtensions
{
    /// <summary>Call before <c>AddMessaging</c>, so the stand-in agencies are attached to the bus.</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>()
            .Bind(builder.Configuration.GetSection(DemoOptions.Section))
            .Validate(o => !o.Enabled || !builder.Environment.IsProduction(), "Demo cannot be enabled in the Production environment.")
            .Validate(o => !o.Enabled || builder.Configuration.GetValue<bool>($"{LocalTokenOptions.Section}:Enabled"), "Demo needs LocalTokens enabled for its demo users.")
            .ValidateOnStart();

        if (!builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled"))
        {
            return builder;
        }

        foreach (var agency in AgencyCodes.All)
        {
            builder.Services.AddSingleton(new AgencyConsumer(agency, typeof(DemoAgencyResponder)));
        }

        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHostedService<DemoBanner>();
        return builder;
    }
}
