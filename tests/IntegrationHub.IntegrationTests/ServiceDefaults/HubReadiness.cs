using System.Net.Http.Json;
using IntegrationHub.Testing;
using static IntegrationHub.ServiceDefaults.ServiceDefaultsExtensions;

namespace IntegrationHub.IntegrationTests.ServiceDefaults;

/// <summary>Waits on the hub's readiness report for exactly what a test then asserts.</summary>
static class HubReadiness
{
    public sealed record Report(int Status, Readiness Readiness);

    /// <summary>
    /// While the bus is still connecting, readiness answers 503 (unhealthy) or 200 (degraded):
    /// this waits for the healthy report.
    /// </summary>
    public static Task<Report> HealthyAsync(HttpClient client) =>
        Eventually.WaitAsync(() => ReadAsync(client), report => report.Readiness.Status == "Healthy", "the hub to be ready");

    public static async Task<Readiness> ReadyAsync(HttpClient client) => (await HealthyAsync(client)).Readiness;

    /// <summary>Reads readiness, ready or not, until the named check is as expected.</summary>
    public static async Task<ReadinessCheck> CheckAsync(HttpClient client, string name, Func<ReadinessCheck, bool> expected)
    {
        var report = await Eventually.WaitAsync(
            () => ReadAsync(client),
            report => report.Readiness.Checks.Any(c => c.Name == name && expected(c)),
            $"readiness check '{name}' to be as expected");
        return report.Readiness.Checks.Single(c => c.Name == name);
    }

    static async Task<Report> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return new Report((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<Readiness>())!);
    }
}
