namespace IntegrationHub.IntegrationTests.ServiceDefaults;

public sealed class ReadinessTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Ready_checks_the_database_and_the_rabbitmq_connection()
    {
        using var client = hub.CreateClient();

        var ready = await HubReadiness.HealthyAsync(client);

        Assert.Equal(200, ready.Status);
        Assert.Contains(ready.Readiness.Checks, c => c.Name == "database" && c.Status == "Healthy");
        Assert.Contains(ready.Readiness.Checks, c => c.Name.StartsWith("masstransit", StringComparison.Ordinal) && c.Status == "Healthy");
    }
}
