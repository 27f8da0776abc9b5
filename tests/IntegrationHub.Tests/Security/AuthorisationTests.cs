using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using IntegrationHub.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Security;

public class AuthorisationTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Theory]
    [InlineData("/api/referrals")]
    [InlineData("/api/legs")]
    [InlineData("/api/young-people")]
    public async Task Request_without_a_token_is_unauthorised(string url)
    {
        using var anonymous = hub.CreateClient();

        var response = await anonymous.GetAsync(url);

        await ExpectAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Post_without_a_token_is_unauthorised_and_stores_nothing()
    {
        using var anonymous = hub.CreateClient();
        var before = await hub.CountRowsAsync();

        await ExpectAsync(await anonymous.PostAsJsonAsync("/api/young-people", NewYoungPerson()), HttpStatusCode.Unauthorized);

        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Theory]
    [InlineData("/api/referrals", HubRoles.PersonalAdviser, null)]
    [InlineData("/api/legs", HubRoles.Agency, Nhs)]
    public async Task Token_signed_with_another_key_is_unauthorised(string url, string role, string? agency)
    {
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var forger = new LocalTokenIssuer(
            Options.Create(new LocalTokenOptions { Enabled = true, Issuer = HubFactory.Issuer, SigningKey = otherKey }),
            hub.Services.GetRequiredService<IConfiguration>(),
            TimeProvider.System);
        using var client = hub.CreateClient(forger.Mint("intruder", "Intruder", role, HubFactory.TenantA, agency));

        await ExpectAsync(await client.GetAsync(url), HttpStatusCode.Unauthorized);

        // The same claims signed with the hub's key are let in: only the key made the difference.
        using var genuine = hub.CreateClient(hub.Token("intruder", role, HubFactory.TenantA, agency));
        await ExpectAsync(await genuine.GetAsync(url), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Agency_answer_signed_with_another_key_is_refused_and_changes_nothing()
    {
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var forger = new LocalTokenIssuer(
            Options.Create(new LocalTokenOptions { Enabled = true, Issuer = HubFactory.Issuer, SigningKey = otherKey }),
            hub.Services.GetRequiredService<IConfiguration>(),
            TimeProvider.System);
        using var client = hub.CreateClient(forger.Mint("intruder", "Intruder", HubRoles.Agency, HubFactory.TenantA, Housing));
        client.DefaultRequestHeaders.Add("X-Request-Id", "forged-1");
        var before = await hub.CountRowsAsync();

        var response = await client.PostAsync("/api/agency-answers", new StringContent("""{"legId":"6f1c0000-0000-0000-0000-000000000001","status":"acknowledged"}""", System.Text.Encoding.UTF8, "application/json"));

        await ExpectAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Garbage_token_is_unauthorised()
    {
        using var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");

        await ExpectAsync(await client.GetAsync("/api/referrals"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Personal_adviser_cannot_use_the_agency_api()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);

        await ExpectAsync(await pa.GetAsync("/api/legs"), HttpStatusCode.Forbidden);
        await ExpectAsync(await pa.GetAsync($"/api/legs/{referral.LegIdOf(Nhs)}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Agency_worker_cannot_use_the_personal_adviser_api()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Health], Nhs);
        using var nhs = hub.AgencyWorker(Nhs);
        var before = await hub.CountRowsAsync();

        await ExpectAsync(await nhs.GetAsync("/api/referrals"), HttpStatusCode.Forbidden);
        await ExpectAsync(await nhs.GetAsync($"/api/referrals/{referral.Id}"), HttpStatusCode.Forbidden);
        await ExpectAsync(await nhs.GetAsync($"/api/young-people/{person.Id}"), HttpStatusCode.Forbidden);
        await ExpectAsync(await nhs.PostAsJsonAsync("/api/referrals", Referral(person.Id, 1, [Health], Nhs)), HttpStatusCode.Forbidden);

        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Agency_token_without_an_agency_is_forbidden()
    {
        using var client = hub.CreateClient(hub.Token("no-agency", HubRoles.Agency, HubFactory.TenantA));

        await ExpectAsync(await client.GetAsync("/api/legs"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_without_a_known_role_is_forbidden()
    {
        using var client = hub.CreateClient(hub.Token("visitor", "Visitor", HubFactory.TenantA, Nhs));

        await ExpectAsync(await client.GetAsync("/api/referrals"), HttpStatusCode.Forbidden);
        await ExpectAsync(await client.GetAsync("/api/legs"), HttpStatusCode.Forbidden);
    }
}
