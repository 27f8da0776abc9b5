using System.Collections.Concurrent;
using IntegrationHub.Adapters.Channels.Amqp;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client.Exceptions;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Delivery;

/// <summary>
/// An adapter whose AMQP channel finds the broker away, on its own connection, while the adapter's endpoint still has the
/// leg: the leg waits for the broker and is delivered once it is back, never failed into the error queue for an operator.
/// </summary>
public sealed class BrokerOutageDeliveryTests(BrokerOutageDeliveryTests.HubWithBrokerAwayForTwoDeliveries hub)
    : IClassFixture<BrokerOutageDeliveryTests.HubWithBrokerAwayForTwoDeliveries>
{
    [Fact]
    public async Task Leg_whose_channel_finds_the_broker_away_is_delivered_when_it_is_back()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation, Financial], Housing);
        var legId = referral.LegIdOf(Housing);

        var details = await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Housing).Status == LegStatusCodes.Received, "the housing leg to be received");

        Assert.Equal(BrokerAwayChannel.Reference, details.LegOf(Housing).AgencyReference);
        Assert.Equal([false, false, true], hub.Channel.Attempts[legId]);
    }

    /// <summary>The hub running the housing adapter, whose organisation's AMQP channel finds the broker away twice per leg.</summary>
    public sealed class HubWithBrokerAwayForTwoDeliveries : HubFactory
    {
        public BrokerAwayChannel Channel { get; } = new(awayFor: 2);

        protected override IReadOnlyCollection<string> StubbedAgencies => [Nhs, Dwp, Probation, Yos, AdultSocialCare];

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Adapters:Agencies:0", Housing);
            builder.UseSetting($"Adapters:Organisations:{AdaptersInProcessHub.HousingAuthority}:Channel", "Amqp");
            builder.ConfigureTestServices(services =>
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(IAgencyChannel) && d.ImplementationType == typeof(AmqpChannel)));
                services.AddSingleton<IAgencyChannel>(Channel);
            });
        }
    }

    /// <summary>An AMQP channel that meets the broker away on a leg's first attempts, as on a broker restart, then delivers it.</summary>
    public sealed class BrokerAwayChannel(int awayFor) : IAgencyChannel
    {
        public const string Reference = "AMQP-BACK";

        /// <summary>Each leg's attempts in order: false where the broker was away, true where the leg was delivered.</summary>
        public ConcurrentDictionary<Guid, List<bool>> Attempts { get; } = new();

        public string Name => "Amqp";

        public Task<DeliveryReceipt> DeliverAsync(AgencyDelivery delivery, CancellationToken cancellationToken)
        {
            var attempts = Attempts.GetOrAdd(delivery.LegId, _ => []);
            lock (attempts)
            {
                var delivered = attempts.Count >= awayFor;
                attempts.Add(delivered);
                return delivered
                    ? Task.FromResult(new DeliveryReceipt(ReceivedByAgency: true, Reference))
                    : throw new BrokerUnreachableException(new IOException("Connection refused"));
            }
        }
    }
}
