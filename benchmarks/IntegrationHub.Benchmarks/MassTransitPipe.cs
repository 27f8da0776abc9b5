using IntegrationHub.Testing;
using MassTransit;

namespace IntegrationHub.Benchmarks;

/// <summary>A message of the MassTransit anchor: the 2 KB payload and when it was sent.</summary>
public sealed record BenchMessage(long SentAt, string Payload);

/// <summary>Hands each message's send time to the measurement.</summary>
public sealed class RecordArrivalConsumer(Arrivals arrivals) : IConsumer<BenchMessage>
{
    public Task Consume(ConsumeContext<BenchMessage> context)
    {
        arrivals.Arrived(context.Message.SentAt);
        return Task.CompletedTask;
    }
}

/// <summary>
/// What the hub's messaging library costs over the raw client: bare MassTransit on RabbitMQ, a quorum queue, publish
/// (with its default publisher confirms) and one consumer, the same prefetch as the raw anchor, nothing else.
/// </summary>
public sealed class MassTransitPipe(BenchVirtualHost virtualHost, IBusControl bus) : IMessagePipe
{
    const int Prefetch = 250;

    public static async Task<IMessagePipe> OpenAsync(Arrivals arrivals)
    {
        var virtualHost = await BenchVirtualHost.CreateAsync("masstransit");
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(RealInfrastructure.RabbitHost, RealInfrastructure.RabbitPort, virtualHost.Name, host =>
            {
                host.Username(RealInfrastructure.RabbitUser);
                host.Password(RealInfrastructure.RabbitPassword);
            });
            rabbit.ReceiveEndpoint("bench-masstransit", endpoint =>
            {
                endpoint.SetQuorumQueue();
                endpoint.PrefetchCount = Prefetch;
                endpoint.Consumer(() => new RecordArrivalConsumer(arrivals));
            });
        });
        await bus.StartAsync();
        return new MassTransitPipe(virtualHost, bus);
    }

    public Task PublishAsync(long sentAt) => bus.Publish(new BenchMessage(sentAt, Anchor.Payload));

    public async ValueTask DisposeAsync()
    {
        await bus.StopAsync();
        await virtualHost.DisposeAsync();
    }
}
