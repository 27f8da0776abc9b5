using IntegrationHub.Adapters;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationHub.BrowserTests;

/// <summary>The agencies as the hub registers them, and the local users its sign-in page offers: what the tests sign in as.</summary>
static class DemoPeople
{
    public static AgencyDefinitions Agencies { get; } =
        Host.CreateApplicationBuilder().AddAllAgencyAdapters().Services.BuildServiceProvider().GetRequiredService<AgencyDefinitions>();

    public static LocalUsers Users { get; } = new(Agencies);
}
