using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Security;

/// <summary>
/// An agency caller acts for one organisation of the agency directory: named by its token, or, for an
/// app-only token, by the directory's entry for its application. Without one it is refused, and told why.
/// </summary>
public class CallerOrganisationsTests(OrganisationsHub hub) : IClassFixture<OrganisationsHub>
{
    /// <summary>An app-only (client credentials) access token as Entra ID issues it: the application, its app role, no user and no organisation claim.</summary>
    string AppOnlyToken(string application, string agency, string? organisation = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["oid"] = $"sp-{application}",
            ["sub"] = $"sp-{application}",
            ["azp"] = application,
            ["idtyp"] = "app",
            ["roles"] = new[] { HubRoles.Agency },
            ["tid"] = HubFactory.EntraTenantId,
            [HubClaims.LocalAuthority] = HubFactory.TenantA,
            [HubClaims.Agency] = agency,
        };
        if (organisation is not null)
        {
            claims[HubClaims.Organisation] = organisation;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = HubFactory.Issuer,
            Audience = HubFactory.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(hub.SigningKey)) { KeyId = "local" }, SecurityAlgorithms.HmacSha256),
        });
    }

    static async Task<string> ExpectRefusalAsync(HttpResponseMessage response)
    {
        await ExpectAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(403, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Agency_caller_with_no_organisation_is_refused_and_told_why()
    {
        using var client = hub.CreateClient(hub.Token(new HubUser("no-organisation", "No organisation", HubRoles.Agency, HubFactory.TenantA, Nhs, null)));

        var detail = await ExpectRefusalAsync(await client.GetAsync("/api/legs"));

        Assert.Contains("names none", detail, StringComparison.Ordinal);
        Assert.Contains("'organisation' claim", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_caller_whose_organisation_the_directory_does_not_list_for_its_agency_is_refused()
    {
        using var trustAsHousing = hub.AgencyWorker(Housing, organisation: OrganisationsHub.HomeTrust);
        using var unknown = hub.AgencyWorker(Nhs, organisation: "RZZ");

        Assert.Equal(
            $"Organisation '{OrganisationsHub.HomeTrust}' is not in the agency directory for agency 'housing'.",
            await ExpectRefusalAsync(await trustAsHousing.GetAsync("/api/legs")));
        Assert.Equal("Organisation 'RZZ' is not in the agency directory for agency 'nhs'.", await ExpectRefusalAsync(await unknown.GetAsync("/api/legs")));
    }

    [Fact]
    public async Task Refusal_on_the_fhir_facade_is_an_operation_outcome_saying_why()
    {
        using var unknown = hub.AgencyWorker(Nhs, organisation: "RZZ");

        var response = await unknown.GetAsync("/fhir/Task");

        await ExpectAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"forbidden\"", body, StringComparison.Ordinal);
        Assert.Contains("Organisation 'RZZ' is not in the agency directory", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_answer_changes_nothing()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var client = hub.CreateClient(hub.Token(new HubUser("no-organisation", "No organisation", HubRoles.Agency, HubFactory.TenantA, Housing, null)));
        client.DefaultRequestHeaders.Add("X-Request-Id", $"req-{Guid.NewGuid():N}");
        var before = await hub.CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/agency-answers", new { answerId = Guid.NewGuid(), legId = legs.HomeLeg(Housing), status = "acknowledged", officer = "Pat", decidedAt = DateTimeOffset.UtcNow });

        await ExpectRefusalAsync(response);
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task App_only_token_acts_for_the_organisation_its_application_is_listed_for()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var leedsSystem = hub.CreateClient(AppOnlyToken(OrganisationsHub.LeedsIcbApplication, Nhs));

        var listed = (await leedsSystem.GetFromJsonAsync<List<AgencyLegSummary>>("/api/legs"))!.Select(l => l.Id).ToList();

        Assert.Contains(legs.LeedsLeg(Nhs), listed);
        Assert.DoesNotContain(legs.HomeLeg(Nhs), listed);
        await ExpectAsync(await leedsSystem.GetAsync($"/api/legs/{legs.HomeLeg(Nhs)}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task App_only_token_of_an_application_no_organisation_lists_is_refused()
    {
        using var stranger = hub.CreateClient(AppOnlyToken(Guid.NewGuid().ToString(), Nhs));

        Assert.Contains("names none", await ExpectRefusalAsync(await stranger.GetAsync("/api/legs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_naming_another_organisation_than_its_applications_is_refused()
    {
        using var confused = hub.CreateClient(AppOnlyToken(OrganisationsHub.LeedsIcbApplication, Nhs, organisation: OrganisationsHub.HomeTrust));

        Assert.Equal(
            $"The token names organisation '{OrganisationsHub.HomeTrust}', but its application acts for '{OrganisationsHub.LeedsIcb}'.",
            await ExpectRefusalAsync(await confused.GetAsync("/api/legs")));
    }
}
