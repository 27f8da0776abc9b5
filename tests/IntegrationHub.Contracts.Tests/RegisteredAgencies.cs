using IntegrationHub.Adapters;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationHub.Contracts.Tests;

/// <summary>
/// The agencies as the hub and the adapters host register them (<see cref="AllAgencyAdaptersExtensions.AddAllAgencyAdapters"/>),
/// so a new agency's adapter brings its documents, schemas and conformance checks here by its one registration.
/// </summary>
public static class RegisteredAgencies
{
    /// <summary>The hub's public address the adapters are configured with (the probation event's detailUrl points at it).</summary>
    public static readonly Uri HubBaseUrl = new("https://hub.example-council.gov.uk/");

    public static AgencyDefinitions Definitions { get; } = Resolve();

    static AgencyDefinitions Resolve()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration[$"{AdapterOptions.Section}:{nameof(AdapterOptions.HubBaseUrl)}"] = HubBaseUrl.ToString();
        builder.AddAllAgencyAdapters();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<AgencyDefinitions>();
    }
}
