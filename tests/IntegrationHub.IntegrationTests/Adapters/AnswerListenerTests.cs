using System.Text;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Amqp;
using IntegrationHub.Contracts.V1;
using IntegrationHub.IntegrationTests.ServiceDefaults;
using IntegrationHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.IntegrationTests.Adapters;

/// <summary>
/// An answer the agency's format fails to read in a way it did not foresee would fail the same way every time: the
/// listener moves it to the answers error queue with the reason, once, instead of taking it back onto its queue.
/// </summary>
public sealed class AnswerListenerTests(HubWithHousingOnAmqp hub) : IClassFixture<HubWithHousingOnAmqp>
{
    const string Agency = "unreadable";

    sealed class FailingFormat : IAgencyFormat
    {
        public string Agency => AnswerListenerTests.Agency;

        public AgencyDocument Referral(LegRequested leg) => throw new NotSupportedException("Only answers are read in this test.");

        public AgencyDocument Cancellation(LegCancelled cancelled) => throw new NotSupportedException("Only answers are read in this test.");

        public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => throw new InvalidOperationException("A translator fault.");

        public IReadOnlyDictionary<string, string> DeclineReasons { get; } = new Dictionary<string, string>();

        public IReadOnlyList<DeliveryRequirement> DeliveryRequirements { get; } = [];
    }

    static async Task<bool> RoutedAsync(IChannel publisher)
    {
        try
        {
            var properties = new BasicProperties { ContentType = "application/json", UserId = RealInfrastructure.RabbitUser };
            await publisher.BasicPublishAsync(
                Endpoints.AgencyAnswersExchange, Agency, mandatory: true, properties, Encoding.UTF8.GetBytes("""{"legId":"6f1c0000-0000-0000-0000-000000000001"}"""));
            return true;
        }
        catch (PublishReturnException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Answer_the_format_fails_to_read_goes_to_the_error_queue_with_the_reason_and_is_not_taken_back()
    {
        using var client = hub.CreateClient();
        await HubReadiness.ReadyAsync(client);
        var listener = ActivatorUtilities.CreateInstance<AgencyAnswerListener>(hub.Services, new FailingFormat());
        await listener.StartAsync(CancellationToken.None);
        try
        {
            await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);
            await using var publisher = await partner.ChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

            // Mandatory and confirmed: until the listener has bound its queue, the broker returns the answer instead of dropping it.
            await Eventually.WaitAsync(() => RoutedAsync(publisher), routed => routed, "the answer routed to the listener's queue");

            var rejected = await partner.WaitForMessageAsync(Endpoints.AgencyAnswersErrorQueue(Agency), Scenario.Patience);
            Assert.Equal("The adapter could not read the answer (InvalidOperationException).", rejected.Header(AgencyAnswerListener.RejectionReasonHeader));
            Assert.Equal(0u, await partner.DepthAsync(Endpoints.AgencyAnswersQueue(Agency)));
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }
}
