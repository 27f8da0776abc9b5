using System.Net.Http.Json;
using static IntegrationHub.ServiceDefaults.ServiceDefaultsExtensions;

namespace IntegrationHub.IntegrationTests.ServiceDefaults;

public sealed class ReadinessTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Ready_checks_the_database_and_the_rabbitmq_connection()
    {
        using var client = hub.CreateClient();

        var readiness = await client.GetFromJsonAsync<Readiness>("/health/ready");

        Assert.Equal("Healthy", readiness!.Status);
        Assert.Contains(readiness.Checks, c => c.Name == "database" && c.Status == "Healthy");
        Assert.Contains(readiness.Checks, c => c.Name.StartsWith("masstransit", StringComparison.Ordinal) && c.Status == "Healthy");
    }
}
