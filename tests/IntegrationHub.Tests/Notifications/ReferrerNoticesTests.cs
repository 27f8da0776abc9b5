using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Tests.Notifications;

public sealed class ReferrerNoticesTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task An_agencys_decline_reaches_the_referrers_inbox_with_the_code_but_not_the_agencys_words()
    {
        using var pa = hub.PersonalAdviser(userId: "pa-told-of-declines");
        var (person, leg) = await pa.ReferOneAsync(Eet, Dwp);

        await hub.Bus.Publish(new LegDeclined(Guid.NewGuid(), leg.LegId, Dwp, "Work coach", DateTimeOffset.UtcNow, "already-supported", $"{person.GivenName} has a work coach elsewhere."));

        var notice = Assert.Single(await NoticesAsync(pa, leg.ReferralId));
        Assert.Equal($"Referral declined: dwp, referral {leg.ReferralId}", notice.Subject);
        Assert.Contains("already-supported", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(person.GivenName!, notice.Subject + notice.Body, StringComparison.Ordinal);
        using var otherAdviser = hub.PersonalAdviser(userId: "pa-not-the-referrer");
        Assert.DoesNotContain(await otherAdviser.InboxAsync(), n => n.ReferralId == leg.ReferralId);
    }

    [Fact]
    public async Task A_proposed_sanction_reaches_the_referrers_inbox()
    {
        using var pa = hub.PersonalAdviser(userId: "pa-told-of-sanctions");
        var (_, leg) = await pa.ReferOneAsync(Eet, Dwp);

        await hub.Bus.Publish(new SanctionProposed(Guid.NewGuid(), leg.LegId, Dwp, "Work coach", DateTimeOffset.UtcNow, new DateOnly(2027, 1, 11), "Missed two appointments."));

        var notice = Assert.Single(await NoticesAsync(pa, leg.ReferralId));
        Assert.Equal($"Sanction proposed: dwp, referral {leg.ReferralId}", notice.Subject);
        Assert.Contains("11 January 2027", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_decline_tells_no_one()
    {
        using var pa = hub.PersonalAdviser(userId: "pa-refused-decline");
        var (_, leg) = await pa.ReferOneAsync(Eet, Dwp);
        await pa.PostAsJsonAsync($"/api/referrals/{leg.ReferralId}/legs/{leg.LegId}/cancellation", new IntegrationHub.Referrals.CancelRequest("Moved away"));

        var late = new LegDeclined(Guid.NewGuid(), leg.LegId, Dwp, "Work coach", DateTimeOffset.UtcNow, "already-supported", "Too late.");
        await hub.Bus.Publish(late);
        await Eventually.WaitAsync(() => hub.Answers.TimesHandled(late.AnswerId), n => n == 1, "the late decline to be handled");

        Assert.DoesNotContain(await pa.InboxAsync(), n => n.ReferralId == leg.ReferralId);
    }

    static Task<List<IntegrationHub.Notifications.InboxItem>> NoticesAsync(HttpClient pa, Guid referralId) =>
        Eventually.WaitAsync(
            async () => (await pa.InboxAsync()).Where(n => n.ReferralId == referralId && n.EscalationId == null).ToList(),
            items => items.Count > 0,
            $"a notice of referral {referralId}");
}
