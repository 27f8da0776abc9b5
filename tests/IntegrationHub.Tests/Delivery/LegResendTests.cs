using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Operations;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.Tests.Consents;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Delivery;

/// <summary>An Operator sends a failed leg again: it waits once more, the resending on its timeline, audited, and sent afresh.</summary>
public class LegResendTests(DownWebhookHub hub) : IClassFixture<DownWebhookHub>
{
    HttpClient Operator() => hub.CreateClient(hub.Token(new HubUser("ops-1", "Olu Operator", HubRoles.Operator, HubFactory.TenantA, null, null)));

    async Task<(Guid YoungPersonId, Guid ReferralId, Guid LegId)> FailedHousingLegAsync(HttpClient pa)
    {
        var (person, referral) = await pa.ReferAsync([Accommodation, Financial], Housing);
        await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Housing).Status == LegStatusCodes.Failed, "the housing leg to fail");
        return (person.Id, referral.Id, referral.LegIdOf(Housing));
    }

    [Fact]
    public async Task Operator_resends_a_failed_leg_which_waits_again_on_the_timeline_is_audited_and_is_sent_afresh_through_the_outbox()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referralId, legId) = await FailedHousingLegAsync(pa);
        var sentBefore = await SentLegsAsync(legId);
        using var ops = Operator();

        var response = await ops.PostAsync($"/api/operations/legs/{legId}/resend", null);

        await ExpectAsync(response, HttpStatusCode.OK);
        var resent = (await response.Content.ReadFromJsonAsync<ResentLeg>())!;
        Assert.Equal((legId, referralId, LegStatusCodes.Requested), (resent.LegId, resent.ReferralId, resent.Status));
        var details = await pa.GetReferralAsync(referralId);
        var line = Assert.Single(details.Timeline, t => t.LegId == legId && t.Kind == TimelineKinds.LegResent);
        Assert.Equal((LegStatusCodes.Failed, LegStatusCodes.Requested, "Olu Operator"), (line.FromStatus, line.ToStatus, line.Actor));
        Assert.StartsWith("Resent by Olu Operator", line.Detail, StringComparison.Ordinal);
        Assert.True(await hub.QueryAsync(db => db.Audit.AnyAsync(a => a.ActorId == "ops-1" && a.ResourceType == LegResends.AuditedResend && a.ResourceId == legId.ToString())));
        Assert.True(await SentLegsAsync(legId) > sentBefore, "The resent leg is staged in the outbox for its adapter.");

        // The agency's system is still down: the resent leg is retried afresh, and fails again once its new budget is spent.
        var again = await pa.WaitForReferralAsync(
            referralId,
            r => r.Timeline.Count(t => t.LegId == legId && t.ToStatus == LegStatusCodes.Failed && t.Kind == TimelineKinds.StatusChanged) == 2,
            "the resent housing leg to fail again");
        Assert.Equal(LegStatusCodes.Failed, again.LegOf(Housing).Status);
    }

    [Fact]
    public async Task A_leg_that_has_not_failed_is_not_resent()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referralId, legId) = await FailedHousingLegAsync(pa);
        using var ops = Operator();
        await ExpectAsync(await ops.PostAsync($"/api/operations/legs/{legId}/resend", null), HttpStatusCode.OK);

        var response = await ops.PostAsync($"/api/operations/legs/{legId}/resend", null);

        await ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("only a leg whose delivery failed can be resent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await pa.GetReferralAsync(referralId)).Timeline, t => t.LegId == legId && t.Kind == TimelineKinds.LegResent);
    }

    [Fact]
    public async Task A_leg_whose_consent_was_withdrawn_since_it_failed_is_not_resent()
    {
        using var pa = hub.PersonalAdviser();
        var (personId, referralId, legId) = await FailedHousingLegAsync(pa);
        await pa.WithdrawConsentAsync(personId, Housing);
        var sentBefore = await SentLegsAsync(legId);
        using var ops = Operator();

        var response = await ops.PostAsync($"/api/operations/legs/{legId}/resend", null);

        await ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("Consent withdrawn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(LegStatusCodes.Failed, (await pa.GetReferralAsync(referralId)).LegOf(Housing).Status);
        Assert.Equal(sentBefore, await SentLegsAsync(legId));
    }

    [Fact]
    public async Task An_unknown_leg_is_not_found_and_only_an_operator_may_resend()
    {
        using var ops = Operator();
        await ExpectAsync(await ops.PostAsync($"/api/operations/legs/{Guid.NewGuid()}/resend", null), HttpStatusCode.NotFound);

        using var pa = hub.PersonalAdviser();
        var (_, _, legId) = await FailedHousingLegAsync(pa);
        await ExpectAsync(await pa.PostAsync($"/api/operations/legs/{legId}/resend", null), HttpStatusCode.Forbidden);
    }

    /// <summary>How many messages for the leg the hub has put in its outbox for its adapter.</summary>
    Task<int> SentLegsAsync(Guid legId) =>
        hub.QueryAsync(db => db.Outbox.CountAsync(m => m.MessageType == typeof(LegRequested).FullName && m.Body.Contains(legId.ToString())));
}
