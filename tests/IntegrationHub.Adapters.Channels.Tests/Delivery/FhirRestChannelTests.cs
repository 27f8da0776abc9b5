using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Tests.Delivery;

public class FhirRestChannelTests
{
    static AgencyDelivery Delivery(string agency) =>
        new(Guid.NewGuid(), Guid.NewGuid(), agency, new Organisation("RAT", "Trust"), AgencyDelivery.ReferralKind, new AgencyDocument("application/fhir+json", "{}"));

    [Fact]
    public async Task Nhs_leg_waits_on_the_facade_without_being_marked_received()
    {
        var receipt = await new FhirRestChannel().DeliverAsync(Delivery(AgencyCodes.Nhs), CancellationToken.None);

        Assert.False(receipt.ReceivedByAgency);
    }

    [Fact]
    public async Task Other_agencies_cannot_use_the_fhir_rest_channel()
    {
        var error = await Assert.ThrowsAsync<DeliveryFailedException>(() => new FhirRestChannel().DeliverAsync(Delivery(AgencyCodes.Housing), CancellationToken.None));

        Assert.Contains("NHS organisations only", error.Message, StringComparison.Ordinal);
        Assert.False(error.Transient);
    }
}
