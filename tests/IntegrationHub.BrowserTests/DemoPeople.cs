using IntegrationHub.Adapters;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationHub.BrowserTests;

/// <summary>
/// The agencies as the hub registers them, and the local users its sign-in page offers: what the tests sign in as.
/// The agency directory is the one <see cref="BrowserHub"/> has (its agencies' default organisations), so each
/// agency worker acts for the organisation the hub routes the browser tests' legs to.
/// </summary>
static class DemoPeople
{
    static readonly IServiceProvider Hub = HubServices();

    public static AgencyDefinitions Agencies { get; } = Hub.GetRequiredService<AgencyDefinitions>();

    public static LocalUsers Users { get; } = Hub.GetRequiredService<LocalUsers>();

    static ServiceProvider HubServices()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddAllAgencyAdapters().AddReferrals();
        builder.Services.AddSingleton<LocalUsers>();
        return builder.Services.BuildServiceProvider();
    }
}
