using System.Net.Http.Json;
using static IntegrationHub.ServiceDefaults.ServiceDefaultsExtensions;

namespace IntegrationHub.IntegrationTests.ServiceDefaults;

public sealed class ReadinessTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Ready_checks_the_database_and_the_rabbitmq_connection()
    {
        using var client = hub.CreateClient();

        var readiness = await Eventually.ReadyAsync(client);

        Assert.Equal("Healthy", readiness.Status);
        Assert.Contains(readiness.Checks, c => c.Name == "database" && c.Status == "Healthy");
        Assert.Contains(readiness.Checks, c => c.Name.StartsWith("masstransit", StringComparison.Ordinal) && c.Status == "Healthy");
    }
}

static class Eventually
{
    /// <summary>Readiness answers 503 while the bus is still connecting; a hub that never becomes ready fails the test.</summary>
    public static async Task<Readiness> ReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + Scenario.Patience;
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
            {
                await HttpAssert.StatusAsync(System.Net.HttpStatusCode.OK, response);
                return (await response.Content.ReadFromJsonAsync<Readiness>())!;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Reads readiness, ready or not, until the named check is as expected; a check that never is fails the test.</summary>
    public static async Task<ReadinessCheck> CheckAsync(HttpClient client, string name, Func<ReadinessCheck, bool> expected)
    {
        var deadline = DateTime.UtcNow + Scenario.Patience;
        ReadinessCheck? check;
        do
        {
            using var response = await client.GetAsync("/health/ready");
            var readiness = await response.Content.ReadFromJsonAsync<Readiness>();
            check = readiness!.Checks.SingleOrDefault(c => c.Name == name);
            if (check is not null && expected(check))
            {
                return check;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Readiness check '{name}' never was as expected; last: {check?.Status ?? "absent"} ({check?.Description}).");
        return check!;
    }
}
