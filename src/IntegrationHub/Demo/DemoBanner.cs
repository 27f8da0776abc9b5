using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Demo;

/// <summary>DEMO ONLY: prints where the hub is and a token for each demo role once it is listening.</summary>
sealed class DemoBanner(IServer server, IHostApplicationLifetime lifetime, LocalTokenIssuer tokens, IOptions<DemoOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        var tenant = options.Value.TenantId;
        var pa = DemoSeeder.PersonalAdviser(tenant);
        var lines = new List<string>
        {
            "",
            "=== Care Leaver Referral Hub: DEMO (in-memory bus, SQLite, five adapters, stand-in agencies) ===",
            $"  API and its OpenAPI UI:  {address}/swagger",
            $"  OpenAPI document:        {address}/swagger/v1/swagger.json",
            $"  Health:                  {address}/health/live  {address}/health/ready",
            $"  Demo referrals (as PA):  {address}/api/referrals",
            $"  FHIR facade (NHS):       {address}/fhir/metadata",
            $"  Escalations (managers):  {address}/api/escalations",
            "",
            "  Demo tokens (Authorization: Bearer <token>), valid for this signing key:",
            $"  PersonalAdviser ({tenant}):",
            $"    {tokens.Mint(pa.Id, pa.Name, HubRoles.PersonalAdviser, tenant)}",
        };
        foreach (var role in HubRoles.EscalationRoles)
        {
            lines.Add($"  {role} ({tenant}):");
            lines.Add($"    {tokens.Mint($"demo-{role.ToLowerInvariant()}", $"Demo {role}", role, tenant)}");
        }

        foreach (var agency in AgencyCodes.All)
        {
            lines.Add($"  Agency worker, {agency}:");
            lines.Add($"    {tokens.Mint($"demo-{agency}-worker", $"Demo {agency} worker", HubRoles.Agency, tenant, agency)}");
        }

        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
