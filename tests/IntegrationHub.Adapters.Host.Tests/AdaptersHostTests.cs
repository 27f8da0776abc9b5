using System.Text.Json;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Amqp;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;
using IntegrationHub.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.Adapters.Host.Tests;

/// <summary>
/// The adapters host as configured to ship (all five adapters, AMQP channel) on the real RabbitMQ, in a virtual host of its own.
/// The test script's RabbitMQ user answers for the housing agency's default organisation.
/// </summary>
public sealed class AdaptersHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly string HousingOrganisation = HousingAgency.Define(new AdapterOptions()).DefaultOrganisation.Code;

    public string VirtualHost { get; } = $"adapters_{Guid.NewGuid():N}"[..20];

    public async Task InitializeAsync()
    {
        await RealInfrastructure.RabbitCtlAsync("add_vhost", VirtualHost);
        await RealInfrastructure.RabbitCtlAsync("set_permissions", "-p", VirtualHost, RealInfrastructure.RabbitUser, ".*", ".*", ".*");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Bus:RabbitMq:Host", RealInfrastructure.RabbitHost);
        builder.UseSetting("Bus:RabbitMq:Port", RealInfrastructure.RabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Bus:RabbitMq:VirtualHost", VirtualHost);
        builder.UseSetting("Bus:RabbitMq:Username", RealInfrastructure.RabbitUser);
        builder.UseSetting("Bus:RabbitMq:Password", RealInfrastructure.RabbitPassword);
        builder.UseSetting($"AgencyDirectory:Organisations:{HousingOrganisation}:RabbitMqUsers:0", RealInfrastructure.RabbitUser);
        builder.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await RealInfrastructure.RabbitCtlAsync("delete_vhost", VirtualHost);
    }
}

public sealed class AdaptersHostTests(AdaptersHost host) : IClassFixture<AdaptersHost>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_replicas_on_one_virtual_host_each_declare_every_amqp_organisations_queue_and_the_answers_exchange()
    {
        var agencies = host.Services.GetRequiredService<AgencyDefinitions>();
        await host.Services.GetRequiredService<AgencyTopologyDeclaration>().Declared.WaitAsync(Patience);
        await using var replica = host.WithWebHostBuilder(_ => { });
        await replica.Services.GetRequiredService<AgencyTopologyDeclaration>().Declared.WaitAsync(Patience);

        await using var partner = await RawRabbit.ConnectAsync(host.VirtualHost);
        await using var channel = await partner.ChannelAsync();
        await channel.ExchangeDeclarePassiveAsync(Endpoints.AgencyAnswersExchange);
        foreach (var agency in AgencyCodes.All)
        {
            await channel.QueueDeclarePassiveAsync(Endpoints.AgencyAnswersQueue(agency));
            await channel.QueueDeclarePassiveAsync(Endpoints.AgencyAnswersErrorQueue(agency));
        }

        // Documents queues are the organisations' on the AMQP channel: every agency's default organisation but adult social care's, which answers in the partner inbox.
        foreach (var agency in AgencyCodes.All.Where(a => a != AgencyCodes.AdultSocialCare))
        {
            await channel.QueueDeclarePassiveAsync(Endpoints.AgencyQueue(agency, agencies.For(agency).DefaultOrganisation.Code));
        }

        await using var probe = await partner.ChannelAsync();
        var missing = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => probe.QueueDeclarePassiveAsync(Endpoints.AgencyQueue(AgencyCodes.AdultSocialCare, agencies.For(AgencyCodes.AdultSocialCare).DefaultOrganisation.Code)));
        Assert.Equal(Constants.NotFound, missing.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task Host_puts_a_leg_from_the_hub_on_the_agency_queue_in_the_agency_format()
    {
        using var client = host.CreateClient();
        Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);
        var leg = new LegRequested(
            Guid.NewGuid(), Guid.NewGuid(), "council-a", AgencyCodes.Housing, new Organisation("E09000003", "Barnet housing options"),
            DateTimeOffset.UtcNow, "Needs somewhere to live",
            new PersonDetails("Jo", "Bloggs", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18), new ContactDetails("jo@example.org", null, null, null),
                [new PersonIdentifier(IdentifierTypes.LocalAuthorityPersonId, "LA-1")]),
            [new PlanSection(PlanSectionCodes.Accommodation, ["A tenancy"], ["Refer"], "PA", null)],
            new LawfulBasis("consent", "PA", DateTimeOffset.UtcNow, null),
            new Referrer("PA", "pa@example.org", null, "Barnet"));

        // Sent as the hub's outbox dispatcher sends it.
        var address = await host.Services.GetRequiredService<QueueAddresses>().ForAsync(Endpoints.AdapterQueue(AgencyCodes.Housing), CancellationToken.None);
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(address);
        await using var partner = await RawRabbit.ConnectAsync(host.VirtualHost);
        await endpoint.Send(leg);

        var delivered = await partner.WaitForMessageAsync(Endpoints.AgencyQueue(AgencyCodes.Housing, "E09000003"), Patience);
        using var referral = JsonDocument.Parse(delivered.Body);
        Assert.Equal(leg.LegId, referral.RootElement.GetProperty("hubReferences").GetProperty("legId").GetGuid());
        Assert.Equal("E09000003", referral.RootElement.GetProperty("recipient").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Host_passes_a_partners_answer_to_the_hub_as_coming_from_the_organisation_of_its_rabbitmq_user()
    {
        await host.Services.GetRequiredService<AgencyTopologyDeclaration>().Declared.WaitAsync(Patience);
        var bus = host.Services.GetRequiredService<IBus>();
        var received = new TaskCompletionSource<(Guid LegId, string? Organisation)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hub = bus.ConnectReceiveEndpoint($"hub-stand-in-{Guid.NewGuid():N}", e => e.Handler<LegAcknowledged>(context =>
        {
            received.TrySetResult((context.Message.LegId, AnsweringOrganisation.Of(context)));
            return Task.CompletedTask;
        }));
        await hub.Ready.WaitAsync(Patience);
        await using var partner = await RawRabbit.ConnectAsync(host.VirtualHost);
        var legId = Guid.NewGuid();

        await partner.PublishAsync(
            Endpoints.AgencyAnswersExchange,
            AgencyCodes.Housing,
            JsonSerializer.Serialize(new { answerId = Guid.NewGuid(), legId, status = "acknowledged", officer = "Housing options officer", decidedAt = DateTimeOffset.UtcNow }),
            RealInfrastructure.RabbitUser);

        Assert.Equal((legId, AdaptersHost.HousingOrganisation), await received.Task.WaitAsync(Patience));
    }
}
