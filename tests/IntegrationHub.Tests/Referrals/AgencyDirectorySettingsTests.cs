using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Tests.Escalations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests.Referrals;

/// <summary>
/// The agency directory is checked when the hub starts: each entry is a registered agency's, each
/// organisation has a name and a code that can name its AMQP queue; the credentials of each organisation's
/// systems (AgencyDirectory:Organisations) name an organisation of the directory, and no application or
/// RabbitMQ user acts for two.
/// </summary>
public sealed class AgencyDirectorySettingsTests
{
    [Theory]
    [InlineData("Areas:leeds:housing", "E08000035.housing", "AgencyDirectory: organisation code 'E08000035.housing' of 'housing' must be 1 to 64 letters, digits, '-' or '_'")]
    [InlineData("Tenants:council-a:nhs", "RX3 ", "AgencyDirectory: organisation code 'RX3 ' of 'nhs' must be 1 to 64 letters, digits, '-' or '_'")]
    [InlineData("Areas:leeds:martians", "M1", "AgencyDirectory names 'martians', which is not a registered agency.")]
    public async Task Directory_entry_with_a_code_that_cannot_name_a_queue_or_of_an_unknown_agency_stops_the_hub_starting(string entry, string code, string error)
    {
        await using var hub = new ClockedHubFactory(new Dictionary<string, string>
        {
            [$"AgencyDirectory:{entry}:Code"] = code,
            [$"AgencyDirectory:{entry}:Name"] = "An organisation",
        });

        var failure = await Assert.ThrowsAnyAsync<Exception>(hub.InitializeAsync);

        Assert.Contains(error, failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AgencyDirectory:Organisations:RZZ:EntraApplications:0", "0c9e2b57-5f7a-4b7e-9d0a-1f2e3d4c5b6a", "AgencyDirectory:Organisations:RZZ names no organisation of the agency directory.")]
    [InlineData("AgencyDirectory:Organisations:housing-authority:RabbitMqUsers:0", " ", "AgencyDirectory:Organisations:housing-authority:RabbitMqUsers has an empty user name.")]
    public async Task Credentials_for_an_unknown_organisation_or_with_an_empty_name_stop_the_hub_starting(string key, string value, string error)
    {
        await using var hub = new ClockedHubFactory(new Dictionary<string, string> { [key] = value });

        var failure = await Assert.ThrowsAnyAsync<Exception>(hub.InitializeAsync);

        Assert.Contains(error, failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RabbitMqUsers", "shared-answers", "shared-answers", "RabbitMQ user 'shared-answers' is listed for housing-authority and integrated-care-board")]
    [InlineData("EntraApplications", "5E1A0C2B-0000-4000-8000-000000000001", "5e1a0c2b-0000-4000-8000-000000000001", "Entra ID application '5E1A0C2B-0000-4000-8000-000000000001' is listed for housing-authority and integrated-care-board")]
    public async Task One_user_or_application_listed_for_two_organisations_stops_the_hub_starting(string kind, string forHousing, string forNhs, string error)
    {
        await using var hub = new ClockedHubFactory(new Dictionary<string, string>
        {
            [$"AgencyDirectory:Organisations:housing-authority:{kind}:0"] = forHousing,
            [$"AgencyDirectory:Organisations:integrated-care-board:{kind}:0"] = forNhs,
        });

        var failure = await Assert.ThrowsAnyAsync<Exception>(hub.InitializeAsync);

        Assert.Contains(error, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_organisations_users_and_applications_are_found_by_name()
    {
        await using var hub = new ClockedHubFactory(new Dictionary<string, string>
        {
            ["AgencyDirectory:Organisations:housing-authority:RabbitMqUsers:0"] = "housing-answers",
            ["AgencyDirectory:Organisations:integrated-care-board:EntraApplications:0"] = "5e1a0c2b-0000-4000-8000-000000000002",
        });
        await hub.InitializeAsync();

        var credentials = hub.Services.GetRequiredService<IOptions<OrganisationCredentialsOptions>>().Value;

        Assert.Equal("housing-authority", credentials.OrganisationOfRabbitMqUser("housing-answers"));
        Assert.Null(credentials.OrganisationOfRabbitMqUser("Housing-Answers"));
        Assert.Equal("integrated-care-board", credentials.OrganisationOfApplication("5E1A0C2B-0000-4000-8000-000000000002"));
        Assert.Null(credentials.OrganisationOfApplication("guest"));
    }
}
