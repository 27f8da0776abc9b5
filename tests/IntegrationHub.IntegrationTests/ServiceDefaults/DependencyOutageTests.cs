using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using IntegrationHub.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.IntegrationTests.ServiceDefaults;

/// <summary>
/// The API while a dependency is out of reach: 503 problem details naming it, with <c>Retry-After</c>,
/// never a 500, and the same request succeeds once the dependency is back.
/// </summary>
public sealed class DependencyOutageTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Api_answers_503_with_retry_after_while_the_database_refuses_connections_and_200_once_it_is_back()
    {
        using var pa = hub.PersonalAdviser();
        var referralId = await pa.MakeReferralAsync([AgencyCodes.Housing]);

        HttpResponseMessage during;
        await RealInfrastructure.RefuseConnectionsAsync(hub.Database);
        try
        {
            during = await pa.GetAsync($"/api/referrals/{referralId}");
        }
        finally
        {
            await RealInfrastructure.AllowConnectionsAsync(hub.Database);
        }

        await HttpAssert.StatusAsync(HttpStatusCode.ServiceUnavailable, during);
        Assert.Equal(TimeSpan.FromSeconds(10), during.Headers.RetryAfter?.Delta);
        var problem = await during.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("The hub's database is unavailable", problem!.Title);
        Assert.Equal(referralId, (await Scenario.GetAsync(pa, referralId)).Id);
    }

    [Fact]
    public async Task Error_queues_answer_503_with_retry_after_while_the_broker_refuses_the_hub()
    {
        // A virtual host that does not exist: the broker refuses every connection to it, as to a hub it does not know.
        await using var refused = hub.WithWebHostBuilder(b =>
        {
            b.UseSetting("Bus:RabbitMq:VirtualHost", $"absent_{Guid.NewGuid():N}"[..20]);
            b.ConfigureTestServices(s => s.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false));
        });
        using var ops = refused.CreateClient();
        ops.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", refused.Services.GetRequiredService<LocalTokenIssuer>().Mint("ops-it", "Olu Operator", HubRoles.Operator, HubOnRealInfrastructure.TenantId));

        var response = await ops.GetAsync($"/api/operations/error-queues/{Endpoints.LegAnswersQueue}");

        await HttpAssert.StatusAsync(HttpStatusCode.ServiceUnavailable, response);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        Assert.Equal("The hub's message broker is unavailable", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }
}
