using IntegrationHub.Adapters.Channels.Delivery;

namespace IntegrationHub.Adapters.Channels.Agencies;

public static class AgencyRegistration
{
    /// <summary>Registers an agency's adapter by its one definition. Call before <c>AddAgencyAdapters</c>.</summary>
    public static IHostApplicationBuilder AddAgency<TAdapter>(this IHostApplicationBuilder builder) where TAdapter : IAgencyAdapter
    {
        var options = builder.Configuration.GetSection(AdapterOptions.Section).Get<AdapterOptions>() ?? new AdapterOptions();
        return builder.AddAgency(TAdapter.Define(options));
    }

    public static IHostApplicationBuilder AddAgency(this IHostApplicationBuilder builder, AgencyDefinition definition)
    {
        builder.Services.AddSingleton(definition);
        return builder;
    }

    /// <summary>The definitions registered so far, in order.</summary>
    internal static AgencyDefinitions Registered(this IServiceCollection services) =>
        new(services.Where(d => d.ServiceType == typeof(AgencyDefinition)).Select(d => (AgencyDefinition)d.ImplementationInstance!));
}
