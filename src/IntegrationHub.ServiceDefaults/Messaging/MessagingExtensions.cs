using IntegrationHub.Contracts.V1;
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

            if (bus.Transport == "RabbitMq")
            {
                x.AddConfigureEndpointsCallback((_, _, endpoint) => UseQuorumQueue(endpoint, bus.RabbitMq));
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(bus.RabbitMq.Host, bus.RabbitMq.Port, bus.RabbitMq.VirtualHost, h =>
                    {
                        h.Username(bus.RabbitMq.Username);
                        h.Password(bus.RabbitMq.Password);
                        h.PublisherConfirmation = true;
                    });
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
                foreach (var consumer in agency)
                {
                    e.ConfigureConsumer(context, consumer.ConsumerType);
                }
            });
        }

        cfg.ConfigureEndpoints(context);
    }

    static void UseQuorumQueue(IReceiveEndpointConfigurator endpoint, RabbitMqOptions rabbit)
    {
        if (rabbit.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
        {
            rabbitEndpoint.SetQuorumQueue();
        }
    }
}
