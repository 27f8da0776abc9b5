using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationHub.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// The bus (in-memory or RabbitMQ by configuration) with the process's own consumers and any
    /// agency consumers registered as <see cref="AgencyConsumer"/> before this call.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> addConsumers)
    {
        builder.Services.AddOptions<BusOptions>()
            .Bind(builder.Configuration.GetSection(BusOptions.Section))
            .ValidateDataAnnotations()
            .Validate(
                o => o.RabbitMq.PrefetchCount is >= 1 and <= RabbitMqOptions.MaxPrefetchCount,
                $"Bus:RabbitMq:PrefetchCount must be from 1 to {RabbitMqOptions.MaxPrefetchCount}.")
            .ValidateOnStart();

        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var agencyConsumers = builder.Services
            .Where(d => d.ServiceType == typeof(AgencyConsumer))
            .Select(d => (AgencyConsumer)d.ImplementationInstance!)
            .ToList();

        builder.Services.AddMassTransit(x =>
        {
            addConsumers(x);
            foreach (var consumer in agencyConsumers.Select(c => c.ConsumerType).Distinct())
            {
                x.AddConsumer(consumer).ExcludeFromConfigureEndpoints();
            }

            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                UseQuorumQueue(endpoint, bus.RabbitMq);
                WaitOutOutages(endpoint, context.GetRequiredService<DependencyOutages>());
            });
            if (bus.Transport == "RabbitMq")
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(bus.RabbitMq.Host, bus.RabbitMq.Port, bus.RabbitMq.VirtualHost, h =>
                    {
                        h.Username(bus.RabbitMq.Username);
                        h.Password(bus.RabbitMq.Password);
                        h.PublisherConfirmation = true;
                    });
                    cfg.PrefetchCount = bus.RabbitMq.PrefetchCount;
                    ConfigureEndpoints(context, cfg, agencyConsumers, bus.RabbitMq);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg, agencyConsumers, bus.RabbitMq));
            }
        });

        builder.Services.TryAddSingleton<QueueAddresses>();
        return builder;
    }

    static void ConfigureEndpoints<T>(
        IBusRegistrationContext context, IBusFactoryConfigurator<T> cfg, List<AgencyConsumer> agencyConsumers, RabbitMqOptions rabbit)
        where T : IReceiveEndpointConfigurator
    {
        cfg.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
        foreach (var agency in agencyConsumers.GroupBy(c => c.Agency))
        {
            cfg.ReceiveEndpoint(Endpoints.AdapterQueue(agency.Key), e =>
            {
                UseQuorumQueue(e, rabbit);
                WaitOutOutages(e, context.GetRequiredService<DependencyOutages>());
                foreach (var consumer in agency)
                {
                    e.ConfigureConsumer(context, consumer.ConsumerType);
                }
            });
        }

        cfg.ConfigureEndpoints(context);
    }

    /// <summary>
    /// For a consumer's own retry: leaves an outage of the database or the broker to the endpoint's wait for it. MassTransit
    /// does not retry again outside a retry that has given up, so a consumer's retry that took the outage would fail the
    /// message into the error queue after its few attempts.
    /// </summary>
    public static void LeaveOutagesToTheEndpoint(this IRetryConfigurator retry) =>
        retry.Ignore<Exception>(ex => DependencyFailures.Unavailable(ex) is not null);

    /// <summary>The longest pause between a consumer's tries while a dependency is away.</summary>
    static readonly TimeSpan OutageWaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A consumer that finds the database or the message broker out of reach waits for it, its message unacknowledged on
    /// its queue, trying again with growing pauses: the message is not at fault and must not go to the error queue. The
    /// outage is logged once in a while. The broker counts as well as the database because a consumer can meet it on a
    /// connection of its own while the endpoint's is still up: an adapter's AMQP channel delivering a leg during a broker
    /// restart would otherwise fail the leg into the error queue, where it waits for an operator. Applied to each endpoint
    /// before its consumers' own retries, so it wraps them.
    /// </summary>
    static void WaitOutOutages(IReceiveEndpointConfigurator endpoint, DependencyOutages outages) =>
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<Exception>(ex => outages.Met(ex, "a consumer") is not null);
            r.Exponential(int.MaxValue, TimeSpan.FromSeconds(1), OutageWaitLimit, TimeSpan.FromSeconds(2));
        });

    static void UseQuorumQueue(IReceiveEndpointConfigurator endpoint, RabbitMqOptions rabbit)
    {
        if (rabbit.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
        {
            rabbitEndpoint.SetQuorumQueue();
        }
    }
}
