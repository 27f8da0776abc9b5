using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Board;
using IntegrationHub.Escalations;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.Tests.Pages;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Auditing;

/// <summary>
/// When the audit cannot be written, nothing is read and nothing is written: every audited read answers a server
/// error with none of the data, and every audited write is refused and leaves no row. The audit's table is taken
/// away for the length of each check, as a database that refuses it would.
/// </summary>
public sealed class AuditWriteFailureTests(PagesSignInTests.LocalSignInHub hub) : IClassFixture<PagesSignInTests.LocalSignInHub>
{
    /// <summary>Seventeen and a half: open to the youth offending service, their 18th birthday is on the board's upcoming list.</summary>
    static readonly RegisterYoungPerson NearlyEighteen = NewYoungPerson(Today.AddYears(-18).AddMonths(6).AddDays(-14)) with
    {
        GivenName = "Philippa",
        FamilyName = "Quartermaine",
    };

    const string Reason = "Philippa Quartermaine has nowhere to stay from Friday.";

    async Task<(YoungPersonDetails Person, ReferralAccepted Referral, EscalationSummary Escalation)> ArrangeAsync()
    {
        using var pa = hub.PersonalAdviser(userId: LocalUsers.PersonalAdviser(HubFactory.TenantA).Id);
        var person = await pa.RegisterYoungPersonAsync(NearlyEighteen with { LocalAuthorityPersonId = $"LA-{Guid.NewGuid():N}"[..20] });
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation, Justice));
        var referral = await pa.MakeReferralAsync(Referral(person.Id, plan.Number, [Accommodation, Justice], Housing, Yos));
        using var teamManager = hub.CreateClient(hub.Token("tm-1", HubRoles.TeamManager, HubFactory.TenantA));
        var raised = await teamManager.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral.Id, referral.LegIdOf(Housing), Reason, 1));
        await ExpectAsync(raised, HttpStatusCode.Created);
        return (person, referral, (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!);
    }

    /// <summary>Runs the check with the audit's table gone, and puts it back whatever happens.</summary>
    async Task WithoutTheAuditAsync(Func<Task> check)
    {
        await hub.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries RENAME TO audit_entries_away"));
        try
        {
            await check();
        }
        finally
        {
            await hub.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries_away RENAME TO audit_entries"));
        }
    }

    /// <summary>A server error that gives away nothing it would have shown.</summary>
    static async Task ExpectNothingGivenAsync(HttpResponseMessage response, params string[] secrets)
    {
        Assert.True(response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable,
            $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Api_reads_fail_without_their_data()
    {
        var (person, referral, escalation) = await ArrangeAsync();
        string[] secrets = [person.GivenName, person.FamilyName, person.Id.ToString(), referral.Id.ToString(), Reason];
        using var pa = hub.PersonalAdviser();
        using var teamManager = hub.CreateClient(hub.Token("tm-1", HubRoles.TeamManager, HubFactory.TenantA));
        using var board = hub.CreateClient(hub.Token("board-1", HubRoles.BoardMember, HubFactory.TenantA));
        using var dpo = hub.DataProtectionOfficer();

        await WithoutTheAuditAsync(async () =>
        {
            await ExpectNothingGivenAsync(await pa.GetAsync($"/api/young-people/{person.Id}"), secrets);
            await ExpectNothingGivenAsync(await pa.GetAsync($"/api/young-people?search={person.LocalAuthorityPersonId}"), secrets);
            await ExpectNothingGivenAsync(await pa.GetAsync($"/api/young-people/{person.Id}/pathway-plan"), secrets);
            await ExpectNothingGivenAsync(await pa.GetAsync($"/api/young-people/{person.Id}/pathway-plan/versions/1"), secrets);
            await ExpectNothingGivenAsync(await pa.GetAsync($"/api/referrals/{referral.Id}"), secrets);
            await ExpectNothingGivenAsync(await pa.GetAsync($"/api/referrals?youngPersonId={person.Id}"), secrets);
            await ExpectNothingGivenAsync(await teamManager.GetAsync("/api/escalations"), secrets);
            await ExpectNothingGivenAsync(await board.GetAsync("/api/board/escalations"), [escalation.Id.ToString(), .. secrets]);
            await ExpectNothingGivenAsync(await board.GetAsync("/api/board/upcoming"), secrets);
            await ExpectNothingGivenAsync(await board.GetAsync("/api/board/upcoming?format=csv"), secrets);
            await ExpectNothingGivenAsync(
                await board.PostAsJsonAsync($"/api/board/cases/{referral.Id}/openings", new OpenCase("Reviewing the housing escalation for the board.")), secrets);
            await ExpectNothingGivenAsync(await dpo.GetAsync($"/api/young-people/{person.Id}/subject-access"), secrets);
        });
    }

    [Fact]
    public async Task Page_reads_fail_without_their_data()
    {
        var (person, referral, _) = await ArrangeAsync();
        string[] secrets = [person.GivenName, person.FamilyName, Reason];
        using var browser = await hub.SignedInBrowserAsync(LocalUsers.PersonalAdviser(HubFactory.TenantA), followRedirects: false);

        await WithoutTheAuditAsync(async () =>
        {
            await ExpectNothingGivenAsync(await browser.GetAsync("/workspace"), secrets);
            await ExpectNothingGivenAsync(await browser.GetAsync($"/workspace/young-people/{person.Id}"), secrets);
            await ExpectNothingGivenAsync(await browser.GetAsync($"/workspace/young-people/{person.Id}/plan/versions/1"), secrets);
            await ExpectNothingGivenAsync(await browser.GetAsync($"/workspace/referrals/{referral.Id}"), secrets);
            await ExpectNothingGivenAsync(await browser.GetAsync($"/workspace/referrals/{referral.Id}?handler=legs"), [.. secrets, "data-testid=\"legs\""]);
        });
    }

    [Fact]
    public async Task Writes_fail_and_leave_nothing_behind()
    {
        var (person, referral, escalation) = await ArrangeAsync();
        using var pa = hub.PersonalAdviser();
        using var teamManager = hub.CreateClient(hub.Token("tm-1", HubRoles.TeamManager, HubFactory.TenantA));
        var before = await hub.CountRowsAsync();
        var escalations = await hub.QueryAsync(db => db.Escalations.CountAsync());

        await WithoutTheAuditAsync(async () =>
        {
            await ExpectNothingGivenAsync(await pa.PostAsJsonAsync("/api/young-people", NewYoungPerson()));
            await ExpectNothingGivenAsync(await pa.PostAsJsonAsync($"/api/young-people/{person.Id}/pathway-plan/versions", Plan(Accommodation)));
            await ExpectNothingGivenAsync(await pa.PostAsJsonAsync("/api/referrals", Referral(person.Id, 1, [Accommodation], Housing)));
            await ExpectNothingGivenAsync(
                await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/legs/{referral.LegIdOf(Housing)}/cancellation", new CancelRequest("Moved away.", null)));
            await ExpectNothingGivenAsync(await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/cancellation", new CancelRequest("Moved away.", null)));
            await ExpectNothingGivenAsync(
                await teamManager.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral.Id, referral.LegIdOf(Yos), "No answer yet.", 1)));
            await ExpectNothingGivenAsync(await teamManager.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation("Sorted.")), Reason);
        });

        // The escalation raised in the arrangement is still being told to its owners: their inboxes fill as they please.
        Assert.Equal(before with { Inbox = 0 }, await hub.CountRowsAsync() with { Inbox = 0 });
        Assert.Equal(escalations, await hub.QueryAsync(db => db.Escalations.CountAsync()));
        Assert.True((await hub.QueryAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.Id == escalation.Id))).IsOpen);
        Assert.All((await pa.GetReferralAsync(referral.Id)).Legs, l => Assert.Equal("requested", l.Status));
    }
}
