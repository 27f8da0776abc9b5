using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Dwp;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Adapters.Nhs;
using IntegrationHub.Contracts.V1;
using IntegrationHub.IntegrationTests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.FaultTests;

/// <summary>
/// The hub with the housing, NHS and DWP adapters in it, delivering each leg on AMQP to its organisation's own queue,
/// where the tests read it as a partner would.
/// </summary>
public sealed class HubWithThreeAgenciesOnAmqp : HubOnRealInfrastructure
{
    public static readonly IReadOnlyList<string> Queues =
    [
        Endpoints.AgencyQueue(AgencyCodes.Housing, HousingAgency.Define(new AdapterOptions()).DefaultOrganisation.Code),
        Endpoints.AgencyQueue(AgencyCodes.Nhs, NhsAgency.Define(new AdapterOptions()).DefaultOrganisation.Code),
        Endpoints.AgencyQueue(AgencyCodes.Dwp, DwpAgency.Define(new AdapterOptions()).DefaultOrganisation.Code),
    ];

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Adapters:Agencies:0"] = AgencyCodes.Housing,
        ["Adapters:Agencies:1"] = AgencyCodes.Nhs,
        ["Adapters:Agencies:2"] = AgencyCodes.Dwp,
        ["Adapters:DefaultChannel"] = AdapterOptions.AmqpChannelName,
    };

    public HubErrors Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The hub's errors are kept for the tests to show, not written to the console, where the fault run's detailed
        // output would bury the faults' lines under thousands of them.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Errors));
    }
}
