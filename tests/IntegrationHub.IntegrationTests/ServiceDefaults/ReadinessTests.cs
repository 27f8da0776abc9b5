using System.Net.Http.Json;
using IntegrationHub.Testing;
using static IntegrationHub.ServiceDefaults.ServiceDefaultsExtensions;

namespace IntegrationHub.IntegrationTests.ServiceDefaults;

public sealed class ReadinessTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Ready_checks_the_database_and_the_rabbitmq_connection()
    {
        using var client = hub.CreateClient();

        // While the bus is still connecting, readiness answers 503 (unhealthy) or 200 (degraded):
        // wait for the healthy report, which is what is asserted.
        var ready = await Eventually.WaitAsync(
            async () =>
            {
                using var response = await client.GetAsync("/health/ready");
                return new Answer((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<Readiness>())!);
            },
            answer => answer.Readiness.Status == "Healthy",
            "the hub to be ready");

        Assert.Equal(200, ready.Status);
        Assert.Contains(ready.Readiness.Checks, c => c.Name == "database" && c.Status == "Healthy");
        Assert.Contains(ready.Readiness.Checks, c => c.Name.StartsWith("masstransit", StringComparison.Ordinal) && c.Status == "Healthy");
    }

    sealed record Answer(int Status, Readiness Readiness);
}
