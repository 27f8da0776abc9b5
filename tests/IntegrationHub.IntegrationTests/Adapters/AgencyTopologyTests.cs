using System.Text;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Amqp;
using IntegrationHub.Contracts.V1;
using IntegrationHub.IntegrationTests.ServiceDefaults;
using IntegrationHub.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.IntegrationTests.Adapters;

/// <summary>
/// The hub with no adapter in-process, on a fresh virtual host, looked at right after start-up
/// with a plain client, as a partner's system would before anything has been delivered.
/// </summary>
public sealed class AgencyTopologyTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    /// <summary>Each agency's answers queues, and the documents queue of each default organisation on the AMQP channel: all but adult social care's, which answers in the partner inbox.</summary>
    IEnumerable<string> AgencyQueues =>
    [
        .. AgencyCodes.All.SelectMany(a => new[] { Endpoints.AgencyAnswersQueue(a), Endpoints.AgencyAnswersErrorQueue(a) }),
        .. AgencyCodes.All.Where(a => a != AgencyCodes.AdultSocialCare).Select(DefaultOrganisationQueue),
    ];

    string DefaultOrganisationQueue(string agency) =>
        Endpoints.AgencyQueue(agency, hub.Services.GetRequiredService<AgencyDefinitions>().For(agency).DefaultOrganisation.Code);

    [Fact]
    public async Task Each_amqp_organisations_queue_each_answers_queue_and_the_answers_exchange_exist_as_soon_as_the_hub_is_ready()
    {
        using var client = hub.CreateClient();
        var readiness = await HubReadiness.ReadyAsync(client);
        Assert.Contains(readiness.Checks, c => c.Name == AgencyTopologyDeclaration.HealthCheckName && c.Status == "Healthy");
        await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);

        await using var channel = await partner.ChannelAsync();
        await channel.ExchangeDeclarePassiveAsync(Endpoints.AgencyAnswersExchange);
        foreach (var queue in AgencyQueues)
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue);
            Assert.Equal(queue, declared.QueueName);
        }

        await using var probe = await partner.ChannelAsync();
        var missing = await Assert.ThrowsAsync<OperationInterruptedException>(() => probe.QueueDeclarePassiveAsync(DefaultOrganisationQueue(AgencyCodes.AdultSocialCare)));
        Assert.Equal(Constants.NotFound, missing.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task Answers_exchange_routes_each_agency_code_to_that_agencys_answers_queue()
    {
        using var client = hub.CreateClient();
        await HubReadiness.ReadyAsync(client);
        await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);
        await using var channel = await partner.ChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

        foreach (var agency in AgencyCodes.All)
        {
            // Mandatory with confirmations: an unroutable message fails the publish instead of vanishing.
            var body = Encoding.UTF8.GetBytes($$"""{"routedFor":"{{agency}}"}""");
            await channel.BasicPublishAsync(Endpoints.AgencyAnswersExchange, agency, mandatory: true, new BasicProperties(), body);

            var routed = await channel.BasicGetAsync(Endpoints.AgencyAnswersQueue(agency), autoAck: true);
            Assert.NotNull(routed);
            Assert.Equal(body, routed.Body.ToArray());
        }
    }

    [Fact]
    public async Task Agency_queues_are_durable_quorum_queues()
    {
        using var client = hub.CreateClient();
        await HubReadiness.ReadyAsync(client);
        await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);

        foreach (var queue in AgencyQueues)
        {
            // Declaring an existing queue succeeds only with the arguments it was declared with.
            await using (var same = await partner.ChannelAsync())
            {
                await same.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, QueueType("quorum"));
            }

            await using var other = await partner.ChannelAsync();
            var refused = await Assert.ThrowsAsync<OperationInterruptedException>(
                () => other.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, QueueType("classic")));
            Assert.Equal(Constants.PreconditionFailed, refused.ShutdownReason!.ReplyCode);
        }
    }

    [Fact]
    public async Task A_second_replica_on_the_same_virtual_host_declares_the_same_topology_and_is_ready()
    {
        using var first = hub.CreateClient();
        await HubReadiness.ReadyAsync(first);

        await using var replica = hub.WithWebHostBuilder(_ => { });
        using var second = replica.CreateClient();

        var readiness = await HubReadiness.ReadyAsync(second);
        Assert.Contains(readiness.Checks, c => c.Name == AgencyTopologyDeclaration.HealthCheckName && c.Status == "Healthy");
    }

    [Fact]
    public async Task Hub_started_while_its_broker_refuses_it_is_not_ready_until_it_has_declared_the_topology()
    {
        var virtualHost = $"late_{Guid.NewGuid():N}"[..20];
        await using var replica = hub.WithWebHostBuilder(b =>
        {
            b.UseSetting("Bus:RabbitMq:VirtualHost", virtualHost);
            b.ConfigureTestServices(s => s.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false));
        });
        using var client = replica.CreateClient();
        try
        {
            // The failure is reported, not swallowed: readiness names it while the declaration is retried.
            await HubReadiness.CheckAsync(client, AgencyTopologyDeclaration.HealthCheckName,
                c => c.Status == "Unhealthy" && c.Description!.StartsWith("The agency queues are not declared yet: ", StringComparison.Ordinal));

            await RealInfrastructure.RabbitCtlAsync("add_vhost", virtualHost);
            await RealInfrastructure.RabbitCtlAsync("set_permissions", "-p", virtualHost, RealInfrastructure.RabbitUser, ".*", ".*", ".*");

            await HubReadiness.CheckAsync(client, AgencyTopologyDeclaration.HealthCheckName, c => c.Status == "Healthy");
            await using var partner = await RawRabbit.ConnectAsync(virtualHost);
            await using var channel = await partner.ChannelAsync();
            await channel.QueueDeclarePassiveAsync(DefaultOrganisationQueue(AgencyCodes.Housing));
        }
        finally
        {
            await RealInfrastructure.RabbitCtlAsync("delete_vhost", virtualHost);
        }
    }

    static Dictionary<string, object?> QueueType(string type) => new() { ["x-queue-type"] = type };
}
