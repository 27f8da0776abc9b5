using System.Globalization;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.Tests.Delivery;

/// <summary>
/// The hub running the housing and DWP adapters itself (<c>Adapters:Agencies</c>), as the embedded
/// default does, with the housing authority (<c>housing-authority</c>, the directory's default) on
/// the webhook channel at a <see cref="WebhookAgency"/> the factory starts first. No stub listens
/// on the housing or DWP queues: it would compete with the adapter for the legs.
/// </summary>
public abstract class AdaptersInProcessHub : HubFactory
{
    public const string HousingAuthority = "housing-authority";

    WebhookAgency? webhook;

    public WebhookAgency Webhook => webhook ?? throw new InvalidOperationException("The webhook has not been started.");

    /// <summary>The webhook's answer to its n-th call (from 1).</summary>
    protected abstract int WebhookStatus(int call);

    /// <summary>Retries after the first attempt.</summary>
    public abstract int MaxRetryAttempts { get; }

    protected override IReadOnlyCollection<string> StubbedAgencies => [Nhs, Probation, Yos];

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Adapters:Agencies:0", Housing);
        builder.UseSetting("Adapters:Agencies:1", Dwp);
        builder.UseSetting($"Adapters:Organisations:{HousingAuthority}:Channel", "Webhook");
        builder.UseSetting($"Adapters:Organisations:{HousingAuthority}:WebhookUrl", Webhook.Url.ToString());
        builder.UseSetting($"Adapters:Organisations:{HousingAuthority}:WebhookKeys:0:KeyId", WebhookAgency.Key.KeyId);
        builder.UseSetting($"Adapters:Organisations:{HousingAuthority}:WebhookKeys:0:Secret", WebhookAgency.Key.Secret);
        builder.UseSetting("Adapters:Webhooks:MaxRetryAttempts", MaxRetryAttempts.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Adapters:Webhooks:FirstRetryDelay", "00:00:00.050");
    }

    public override async Task InitializeAsync()
    {
        // The hub's settings name the webhook's address, so it listens before the hub starts.
        webhook = await WebhookAgency.StartAsync(WebhookStatus);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (webhook is not null)
        {
            await webhook.DisposeAsync();
        }
    }
}

/// <summary>A housing webhook that is down for three calls, then takes the referral with 202.</summary>
public sealed class FlakyWebhookHub : AdaptersInProcessHub
{
    public override int MaxRetryAttempts => 4;

    protected override int WebhookStatus(int call) => call <= 3 ? 503 : 202;
}

/// <summary>A housing webhook that always answers 503, with a delivery retry budget of seconds, not hours.</summary>
public sealed class DownWebhookHub : AdaptersInProcessHub
{
    public static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(5);

    public override int MaxRetryAttempts => 2;

    protected override int WebhookStatus(int call) => 503;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Adapters:Delivery:FirstRetry", "00:00:00.200");
        builder.UseSetting("Adapters:Delivery:MaxInterval", "00:00:00.400");
        builder.UseSetting("Adapters:Delivery:RetryBudget", RetryBudget.ToString("c", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// A hub that does not check the Jobcentre's delivery requirements when a referral is made, as the hub
/// did before it had them: a leg the Jobcentre cannot receive reaches the DWP adapter, whose own check fails it.
/// </summary>
public sealed class UncheckedJobcentreHub : AdaptersInProcessHub
{
    public override int MaxRetryAttempts => 1;

    protected override int WebhookStatus(int call) => 202;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.ConfigureTestServices(services =>
        {
            var agencies = (AgencyDefinitions)services.Single(d => d.ServiceType == typeof(AgencyDefinitions)).ImplementationInstance!;
            services.AddSingleton(new AgencyDefinitions(agencies.All.Select(a => a.Code == Dwp ? a with { Format = new Unchecked(a.Format) } : a)));
        });
    }

    sealed class Unchecked(IAgencyFormat format) : IAgencyFormat
    {
        public string Agency => format.Agency;

        public AgencyDocument Referral(LegRequested leg) => format.Referral(leg);

        public AgencyDocument Cancellation(LegCancelled cancelled) => format.Cancellation(cancelled);

        public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => format.ReadAnswer(body);

        public IReadOnlyDictionary<string, string> DeclineReasons => format.DeclineReasons;

        public IReadOnlyList<DeliveryRequirement> DeliveryRequirements => [];
    }
}
