using IntegrationHub.Escalations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.Tests.Escalations;

/// <summary>SLAs and unacceptable declines come from the agencies' definitions; configuration may override them, but only for agencies the hub knows.</summary>
public sealed class EscalationSettingsTests
{
    [Theory]
    [InlineData("Escalations:Sla:martians:AcknowledgeWithin", "1", "Escalations:Sla:martians names the agency 'martians', which no adapter defines.")]
    [InlineData($"Escalations:Tenants:{HubFactory.TenantA}:martians:DecideWithin", "5", $"Escalations:Tenants:{HubFactory.TenantA}:martians names the agency 'martians', which no adapter defines.")]
    [InlineData("Escalations:UnacceptableDeclines:martians:0", "too-far", "Escalations:UnacceptableDeclines:martians names the agency 'martians', which no adapter defines.")]
    [InlineData("Escalations:Sla:housing:DecideWithin", "200", "Escalations:Sla:housing:DecideWithin must be 1 to 120 working days.")]
    public async Task A_setting_for_an_agency_no_adapter_defines_or_out_of_range_stops_the_hub_starting(string key, string value, string error)
    {
        await using var hub = new ClockedHubFactory(new Dictionary<string, string> { [key] = value });

        var failure = await Assert.ThrowsAnyAsync<Exception>(hub.InitializeAsync);

        Assert.Contains(error, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_overrides_the_definitions_figure_by_figure()
    {
        await using var hub = new ClockedHubFactory(new Dictionary<string, string>
        {
            ["Escalations:Sla:housing:AcknowledgeWithin"] = "3",
            [$"Escalations:Tenants:{HubFactory.TenantA}:housing:DecideWithin"] = "4",
            ["Escalations:UnacceptableDeclines:dwp:0"] = "already-supported",
        });
        await hub.InitializeAsync();

        var options = hub.Services.GetRequiredService<IOptions<EscalationOptions>>().Value;

        Assert.Equal((3, 10), Figures(options.SlaFor(HubFactory.TenantB, Housing)));
        Assert.Equal((3, 4), Figures(options.SlaFor(HubFactory.TenantA, Housing)));
        Assert.Equal((2, 15), Figures(options.SlaFor(HubFactory.TenantA, Nhs)));
        Assert.Equal(["already-supported"], options.UnacceptableDeclines[Dwp]);
        Assert.Equal(["intentionally-homeless", "no-local-connection"], options.UnacceptableDeclines[Housing]);
    }

    static (int, int) Figures(AgencySla sla) => (sla.AcknowledgeWithin, sla.DecideWithin);
}
