using System.Text;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Testing;
using RabbitMQ.Client;

namespace IntegrationHub.IntegrationTests.ServiceDefaults;

public sealed class ErrorQueueReadinessTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task A_dead_lettered_answer_degrades_readiness_naming_its_error_queue_and_keeps_the_hub_in_the_load_balancer()
    {
        using var client = hub.CreateClient();
        var healthy = await HubReadiness.ReadyAsync(client);
        Assert.Contains(healthy.Checks, c => c.Name == "error-queues" && c.Status == "Healthy");

        // A body in a content type MassTransit has no deserializer for fails at once, and is moved to the error queue.
        await using (var rabbit = await RawRabbit.ConnectAsync(hub.VirtualHost))
        await using (var channel = await rabbit.ChannelAsync())
        {
            await channel.BasicPublishAsync(
                Endpoints.LegAnswersQueue, "", mandatory: true, new BasicProperties { ContentType = "text/plain", Persistent = true }, Encoding.UTF8.GetBytes("not a message"));
        }

        var check = await HubReadiness.CheckAsync(client, "error-queues", c => c.Status == "Degraded");

        Assert.StartsWith(
            $"1 message has failed every retry and waits in error queues: {Endpoints.LegAnswersQueue}_error 1; more than the 0 allowed in a queue (Health:ErrorQueues:DepthWarning).",
            check.Description, StringComparison.Ordinal);
        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(200, (int)response.StatusCode);
    }
}
