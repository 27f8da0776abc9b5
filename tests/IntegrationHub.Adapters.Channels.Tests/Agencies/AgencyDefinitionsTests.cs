using IntegrationHub.Adapters.Channels.Agencies;
using Microsoft.Extensions.Hosting;

namespace IntegrationHub.Adapters.Channels.Tests.Agencies;

public class AgencyDefinitionsTests
{
    [Fact]
    public void Two_adapters_claiming_one_code_stop_the_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddAgency(TestAgency.Definition("housing")).AddAgency(TestAgency.Definition("housing"));

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddAgencyAdapters());

        Assert.Contains("Two agency adapters claim the code 'housing'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agency_of_the_contract_without_a_definition_stops_the_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddAgency(TestAgency.Definition("housing"));

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddAgencyAdapters(contract: ["housing", "nhs"]));

        Assert.Contains("The agency 'nhs' has no definition", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_the_contract_does_not_list_stops_the_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddAgency(TestAgency.Definition("housing")).AddAgency(TestAgency.Definition("leisure"));

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddAgencyAdapters(contract: ["housing"]));

        Assert.Contains("The agency 'leisure' is not in the contract's AgencyCodes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_with_an_unknown_theme_or_another_agencys_format_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new AgencyDefinitions(
        [
            TestAgency.Definition("housing", theme: "leisure"),
            TestAgency.Definition("nhs") with { Format = TestAgency.Definition("dwp").Format },
        ]));

        Assert.Contains("The agency 'housing' names an unknown theme 'leisure'.", refused.Message, StringComparison.Ordinal);
        Assert.Contains("The agency 'nhs' has the format of 'dwp'.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agencies_are_kept_in_the_order_registered_and_an_unknown_code_is_named_in_the_error()
    {
        var agencies = new AgencyDefinitions([TestAgency.Definition("yos"), TestAgency.Definition("housing")]);

        Assert.Equal(["yos", "housing"], agencies.Codes);
        Assert.Equal("Test housing", agencies.NameOf("housing"));
        Assert.Equal("retired-agency", agencies.NameOf("retired-agency"));
        Assert.Contains("'nhs'", Assert.Throws<InvalidOperationException>(() => agencies.For("nhs")).Message, StringComparison.Ordinal);
    }
}
