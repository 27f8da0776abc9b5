using System.Text.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.IntegrationTests.ServiceDefaults;
using IntegrationHub.Testing;

namespace IntegrationHub.IntegrationTests.Adapters;

/// <summary>A partner's housing system that, as every integrator's does, starts its consumer before the hub has sent it anything.</summary>
public sealed class PartnerConsumesFirstTests(HubWithHousingOnAmqp hub) : IClassFixture<HubWithHousingOnAmqp>
{
    [Fact]
    public async Task Partner_consuming_before_any_delivery_receives_the_next_referral()
    {
        using var pa = hub.PersonalAdviser();
        await HubReadiness.ReadyAsync(pa);
        await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);
        var delivered = await partner.ConsumeAsync(Endpoints.AgencyQueue(AgencyCodes.Housing, HubWithHousingOnAmqp.Organisation));

        var referralId = await pa.MakeReferralAsync([AgencyCodes.Housing]);

        var message = await delivered.ReadAsync().AsTask().WaitAsync(Scenario.Patience);
        using var referral = JsonDocument.Parse(message.Body);
        Assert.Equal(referralId, referral.RootElement.GetProperty("hubReferences").GetProperty("referralId").GetGuid());
    }
}
