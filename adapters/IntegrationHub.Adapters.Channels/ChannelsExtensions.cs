using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Amqp;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Channels.Webhooks;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IntegrationHub.Adapters.Channels;

public static class ChannelsExtensions
{
    /// <summary>
    /// The agencies registered with <see cref="AgencyRegistration.AddAgency{TAdapter}"/>, the adapters named in
    /// <c>Adapters:Agencies</c> (<c>*</c> for all) running in this process, and the delivery channels.
    /// Call after registering the agencies and before <c>AddMessaging</c>, so each adapter's consumer
    /// is attached to its agency's adapter queue.
    /// </summary>
    /// <param name="contract">The agency codes the published contract lists, each of which must be registered, and no other.</param>
    /// <exception cref="InvalidOperationException">Two adapters claim one code, or the registered agencies are not the contract's.</exception>
    public static IHostApplicationBuilder AddAgencyAdapters(this IHostApplicationBuilder builder, IReadOnlyList<string>? contract = null)
    {
        var agencies = builder.Services.Registered();
        if (contract is not null)
        {
            agencies.CoveringExactly(contract);
        }

        builder.Services.AddSingleton(agencies);
        builder.Services.AddOptions<AdapterOptions>()
            .Bind(builder.Configuration.GetSection(AdapterOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Agencies.All(a => a == AdapterOptions.AllAgencies || agencies.Contains(a)), "Adapters:Agencies names an agency with no adapter.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdapterOptions>, WebhookSettingsValidation>();
        builder.Services.AddSingleton<IValidateOptions<AdapterOptions>, DeliveryRetryValidation>();
        builder.Services.AddOptions<AgencyDirectoryOptions>()
            .Bind(builder.Configuration.GetSection(AgencyDirectoryOptions.Section))
            .PostConfigure(o => o.AddDefaults(agencies))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AgencyDirectoryOptions>, AgencyDirectoryValidation>();
        builder.Services.AddOptions<OrganisationCredentialsOptions>()
            .Bind(builder.Configuration.GetSection(OrganisationCredentialsOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OrganisationCredentialsOptions>, OrganisationCredentialsValidation>();
        builder.Services.AddSingleton<IValidateOptions<OrganisationCredentialsOptions>, DirectoryCredentialsValidation>();

        var running = builder.Configuration.GetSection($"{AdapterOptions.Section}:{nameof(AdapterOptions.Agencies)}").Get<string[]>() ?? [];
        var transport = builder.Configuration[$"{BusOptions.Section}:{nameof(BusOptions.Transport)}"];
        foreach (var agency in agencies.All.Where(d => running.Contains(AdapterOptions.AllAgencies) || running.Contains(d.Code)))
        {
            builder.Services.AddSingleton(new AgencyConsumer(agency.Code, typeof(DeliverLegConsumer)));
            if (transport == "RabbitMq")
            {
                builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<AgencyAnswerListener>(sp, agency.Format));
            }
        }

        builder.Services.AddOptions<BusOptions>().Bind(builder.Configuration.GetSection(BusOptions.Section));
        builder.Services.TryAddSingleton<QueueAddresses>();
        if (transport == "RabbitMq")
        {
            builder.Services.AddSingleton<AgencyTopologyDeclaration>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<AgencyTopologyDeclaration>());
            builder.Services.AddHealthChecks().AddCheck<AgencyTopologyDeclaration>(AgencyTopologyDeclaration.HealthCheckName, tags: ["ready"]);
        }

        builder.Services.AddSingleton<IAgencyChannel, AmqpChannel>();
        builder.Services.AddSingleton<IAgencyChannel, WebhookChannel>();
        builder.Services.AddSingleton<IAgencyChannel, FhirRestChannel>();
        builder.Services.AddSingleton<IAgencyChannel, PartnerInboxChannel>();

        var webhooks = builder.Configuration.GetSection($"{AdapterOptions.Section}:{nameof(AdapterOptions.Webhooks)}").Get<WebhookOptions>() ?? new WebhookOptions();
        builder.Services.AddTransient<WebhookSigningHandler>();
        var webhookClient = builder.Services.AddHttpClient(WebhookChannel.ClientName);
        webhookClient
            .AddResilienceHandler("webhook-delivery", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = webhooks.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = webhooks.FirstRetryDelay,
                    ShouldRetryAfterHeader = true,
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    MinimumThroughput = webhooks.BreakMinimumThroughput,
                    SamplingDuration = webhooks.BreakSamplingDuration,
                    BreakDuration = webhooks.BreakDuration,
                })
                .AddTimeout(webhooks.AttemptTimeout))
            // Each organisation has its own circuit: one failing agency does not stop deliveries to the others.
            .SelectPipelineByAuthority();

        // Inside the resilience handler, so that it runs for every attempt.
        webhookClient.AddHttpMessageHandler<WebhookSigningHandler>();
        return builder;
    }
}
