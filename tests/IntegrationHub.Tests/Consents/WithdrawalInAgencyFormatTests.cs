using System.Text.Json;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Tests.Delivery;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Consents;

/// <summary>A housing authority on the webhook channel that takes every delivery.</summary>
public sealed class AcceptingWebhookHub : AdaptersInProcessHub
{
    public override int MaxRetryAttempts => 1;

    protected override int WebhookStatus(int call) => 202;
}

/// <summary>The agency hears of a withdrawn consent in its own format, through the adapter that delivered the referral.</summary>
public class WithdrawalInAgencyFormatTests(AcceptingWebhookHub hub) : IClassFixture<AcceptingWebhookHub>
{
    [Fact]
    public async Task Housing_authority_receives_a_duty_to_refer_cancellation_saying_consent_was_withdrawn()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation, Financial], Housing);
        var legId = referral.LegIdOf(Housing);
        await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Housing).Status == LegStatusCodes.Received, "the housing authority to take the referral");

        await pa.WithdrawConsentAsync(person.Id, Housing);

        var call = await Eventually.WaitAsync(
            () => Task.FromResult(hub.Webhook.Calls.FirstOrDefault(c => c.DeliveryId == $"{legId:N}-cancellation")),
            c => c is { Succeeded: true }, "the housing authority to be sent the cancellation");
        using var cancellation = JsonDocument.Parse(call!.Body);
        Assert.Equal(CancellationKinds.ConsentWithdrawn, cancellation.RootElement.GetProperty("kind").GetString());
        Assert.Equal(ConsentService.WithdrawnReason, cancellation.RootElement.GetProperty("reason").GetString());
        Assert.Equal(legId, cancellation.RootElement.GetProperty("hubReferences").GetProperty("legId").GetGuid());
        Assert.True(call.SignatureValid);
    }
}
