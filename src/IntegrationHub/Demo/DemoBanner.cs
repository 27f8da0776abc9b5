using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Demo;

/// <summary>DEMO ONLY: prints where the hub is and a token for each demo role once it is listening.</summary>
sealed class DemoBanner(IServer server, IHostApplicationLifetime lifetime, LocalTokenIssuer tokens, LocalUsers localUsers, AgencyDefinitions agencies, IOptions<DemoOptions> options) : IHostedService
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
        var lines = new List<string>
        {
            "",
            $"=== Care Leaver Referral Hub: DEMO (in-memory bus, SQLite, {agencies.All.Count} agency adapters, stand-in agencies) ===",
            $"  Pages (sign in as a demo user):  {address}/",
            $"    Personal Adviser's workspace:  {address}/workspace",
            $"    Partner inbox (agency worker): {address}/partner",
            $"    Board dashboard:               {address}/board",
            $"    Young person's own view:       {address}/me",
            $"  API and its OpenAPI UI:          {address}/swagger",
            $"  OpenAPI document:                {address}/swagger/v1/swagger.json",
            $"  Health:                          {address}/health/live  {address}/health/ready",
            $"  FHIR facade (NHS):               {address}/fhir/metadata",
            "",
            "  Demo tokens (Authorization: Bearer <token>), valid for this signing key:",
        };
        foreach (var user in localUsers.For(tenant))
        {
            lines.Add($"  {user.Role}{(user.Agency is null ? "" : $", {user.Agency}")} ({tenant}), {user.Name}:");
            lines.Add($"    {tokens.Mint(user)}");
        }

        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
