using IntegrationHub.Testing;
using System.Net.Http.Headers;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.IntegrationTests;

/// <summary>
/// The hub on PostgreSQL and RabbitMQ, in a database and a virtual host of its own that are
/// created for this run and dropped after it.
/// </summary>
public class HubOnRealInfrastructure : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TenantId = RealInfrastructure.TenantId;
    readonly string runId = $"hub_it_{Guid.NewGuid():N}"[..20];

    public string Database => runId;
    public string VirtualHost => runId;

    public async Task InitializeAsync()
    {
        await RealInfrastructure.RabbitCtlAsync("add_vhost", VirtualHost);
        await RealInfrastructure.RabbitCtlAsync("set_permissions", "-p", VirtualHost, RealInfrastructure.RabbitUser, ".*", ".*", ".*");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", $"{RealInfrastructure.PostgresServer};Database={Database}");
        builder.UseSetting("Bus:Transport", "RabbitMq");
        builder.UseSetting("Bus:RabbitMq:Host", RealInfrastructure.RabbitHost);
        builder.UseSetting("Bus:RabbitMq:Port", RealInfrastructure.RabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Bus:RabbitMq:VirtualHost", VirtualHost);
        builder.UseSetting("Bus:RabbitMq:Username", RealInfrastructure.RabbitUser);
        builder.UseSetting("Bus:RabbitMq:Password", RealInfrastructure.RabbitPassword);
        builder.UseSetting("LocalTokens:Enabled", "true");
        builder.UseSetting("LocalTokens:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("AzureAd:TenantId", "00000000-0000-0000-0000-00000000c1a0");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Outbox:SendTimeout", "00:00:05");
        // The fault and load tests drive many referrals a second as one Personal Adviser.
        builder.UseSetting("RateLimits:Api:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Fhir:PermitLimit", "1000000");
        // Start-up returns only once the bus is connected, so tests start against a ready hub.
        builder.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Settings a derived fixture adds, e.g. agency adapters running in the hub.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public IBus Bus => Services.GetRequiredService<IBus>();

    public HttpClient PersonalAdviser() => ClientFor(HubRoles.PersonalAdviser, "pa-it", "Pat Adviser");

    public HttpClient Operator() => ClientFor(HubRoles.Operator, "ops-it", "Olu Operator");

    public HttpClient DataProtectionOfficer() => ClientFor(HubRoles.DataProtectionOfficer, "dpo-it", "Dee Protection");

    /// <summary>Runs a query against the hub's own database, seeing every tenant's rows.</summary>
    public async Task<T> QueryAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SpanAllTenants("a test's look at the database");
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    HttpClient ClientFor(string role, string userId, string name)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<LocalTokenIssuer>().Mint(userId, name, role, TenantId);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await RealInfrastructure.DropDatabaseAsync(Database);
        await RealInfrastructure.RabbitCtlAsync("delete_vhost", VirtualHost);
    }
}
