using System.Net;
using System.Text.RegularExpressions;
using IntegrationHub.Auditing;
using IntegrationHub.Security;
using IntegrationHub.Tests.Escalations;
using IntegrationHub.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Auditing;

/// <summary>
/// One audit entry per user action, not per request: the referral page's legs region refreshes itself under the
/// correlation id of the page that showed it, and the same person reading the same record under the same
/// correlation id is that action going on. A request under a correlation id of its own is a new action.
/// </summary>
public sealed partial class AuditPerUserActionTests(PagesSignInTests.LocalSignInHub hub) : IClassFixture<PagesSignInTests.LocalSignInHub>
{
    static readonly HubUser PageUser = LocalUsers.PersonalAdviser(HubFactory.TenantA);

    Task<List<AuditEntry>> ReadsByAsync(string actorId, Guid youngPersonId) =>
        hub.QueryAsync(db => db.Audit.Where(a => a.ActorId == actorId && a.YoungPersonId == youngPersonId && a.Action == AuditActions.Read).ToListAsync());

    [Fact]
    public async Task Opening_the_referral_page_and_polling_its_legs_region_records_one_read_per_record()
    {
        using var arranger = hub.PersonalAdviser(userId: "pa-arranger");
        var (person, referral) = await arranger.ReferAsync([Accommodation], Housing);
        using var browser = await hub.SignedInBrowserAsync(PageUser, followRedirects: false);

        var page = await browser.GetAsync($"/workspace/referrals/{referral.Id}");
        await ExpectAsync(page, HttpStatusCode.OK);
        var correlationId = CorrelationIdOf(await page.Content.ReadAsStringAsync());
        for (var poll = 0; poll < 5; poll++)
        {
            using var refresh = ActionRequest(HttpMethod.Get, $"/workspace/referrals/{referral.Id}?handler=legs", correlationId);
            var region = await browser.SendAsync(refresh);
            await ExpectAsync(region, HttpStatusCode.OK);
            Assert.Contains("data-testid=\"legs\"", await region.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var reads = await ReadsByAsync(PageUser.Id, person.Id);
        Assert.Equal(
            [("referral", referral.Id.ToString()), ("young-person", person.Id.ToString())],
            reads.Select(r => (r.ResourceType, r.ResourceId)).Order());
        Assert.All(reads, r => Assert.Equal(correlationId, r.CorrelationId));
    }

    [Fact]
    public async Task A_legs_refresh_without_the_pages_correlation_id_is_a_new_action_and_is_audited()
    {
        using var arranger = hub.PersonalAdviser(userId: "pa-arranger");
        var (person, referral) = await arranger.ReferAsync([Accommodation], Housing);
        using var browser = await hub.SignedInBrowserAsync(PageUser, followRedirects: false);
        var page = await browser.GetAsync($"/workspace/referrals/{referral.Id}");
        var correlationId = CorrelationIdOf(await page.Content.ReadAsStringAsync());

        using var bare = ActionRequest(HttpMethod.Get, $"/workspace/referrals/{referral.Id}?handler=legs", correlationId: null);
        await ExpectAsync(await browser.SendAsync(bare), HttpStatusCode.OK);

        var referralReads = (await ReadsByAsync(PageUser.Id, person.Id)).Where(r => r.ResourceType == "referral").ToList();
        Assert.Equal(2, referralReads.Count);
        Assert.Single(referralReads, r => r.CorrelationId == correlationId);
    }

    [Fact]
    public async Task Api_reads_under_one_correlation_id_are_one_action_for_each_person_and_each_new_id_is_another()
    {
        using var arranger = hub.PersonalAdviser(userId: "pa-arranger");
        var (person, referral) = await arranger.ReferAsync([Accommodation], Housing);
        using var first = hub.PersonalAdviser(userId: "pa-first");
        using var second = hub.PersonalAdviser(userId: "pa-second");

        foreach (var (client, correlationId) in new[] { (first, "action-1"), (first, "action-1"), (second, "action-1"), (first, "action-2"), (first, null) })
        {
            using var request = ActionRequest(HttpMethod.Get, $"/api/referrals/{referral.Id}", correlationId);
            await ExpectAsync(await client.SendAsync(request), HttpStatusCode.OK);
        }

        // A borrowed correlation id hides nothing: the second person's read is their own.
        Assert.Equal(["action-1"], (await ReadsByAsync("pa-second", person.Id)).Select(r => r.CorrelationId));
        var firsts = (await ReadsByAsync("pa-first", person.Id)).Select(r => r.CorrelationId).ToList();
        Assert.Equal(3, firsts.Count);
        Assert.Equal(["action-1", "action-2"], firsts.Where(id => id is "action-1" or "action-2").Order());
    }

    static string CorrelationIdOf(string html) =>
        CorrelationAttribute().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The legs region carries no correlation id.");

    [GeneratedRegex("data-correlation-id=\"([^\"]+)\"")]
    private static partial Regex CorrelationAttribute();
}

/// <summary>A read repeating an earlier one under the same correlation id is the same action only for <see cref="AuditLog.SameActionWithin"/>.</summary>
public sealed class AuditRepeatWindowTests : IAsyncLifetime
{
    readonly ClockedHubFactory hub = new();

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync().AsTask();

    [Fact]
    public async Task A_read_repeated_under_the_same_correlation_id_after_the_window_is_recorded_again()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);

        foreach (var after in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(10), AuditLog.SameActionWithin + TimeSpan.FromMinutes(1) })
        {
            hub.Clock.SetUtcNow(ClockedHubFactory.Start + after);
            using var request = ActionRequest(HttpMethod.Get, $"/api/referrals/{referral.Id}", "long-open-page");
            await ExpectAsync(await pa.SendAsync(request), HttpStatusCode.OK);
        }

        var reads = await hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == person.Id && a.Action == AuditActions.Read).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [ClockedHubFactory.Start, ClockedHubFactory.Start + AuditLog.SameActionWithin + TimeSpan.FromMinutes(1)],
            reads.Select(r => r.At));
    }
}
