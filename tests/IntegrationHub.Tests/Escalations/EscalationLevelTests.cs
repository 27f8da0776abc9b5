using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Escalations;

/// <summary>
/// Each rung of the ladder acts at its own level: a team manager at 1, a head of service at 2, a board member at 3.
/// A manager raises at most a level above their own, resolves at or below it, and lists what is at or below it;
/// anything else is a 403 problem saying which levels their role acts on.
/// </summary>
public sealed class EscalationLevelTests(HubFactory hub) : IClassFixture<HubFactory>
{
    HttpClient Manager(string role, string tenantId = HubFactory.TenantA) => hub.CreateClient(hub.Token($"{role}-1", role, tenantId));

    async Task<(Guid ReferralId, Guid LegId)> LegAsync()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation], Housing);
        return (referral.Id, referral.LegIdOf(Housing));
    }

    static Task<HttpResponseMessage> RaiseAsync(HttpClient manager, (Guid ReferralId, Guid LegId) leg, int level) =>
        manager.PostAsJsonAsync("/api/escalations", new RaiseEscalation(leg.ReferralId, leg.LegId, $"Raised at level {level} by hand.", level));

    /// <summary>A board member reaches every level, so raises what the other roles are then tested against.</summary>
    async Task<EscalationSummary> RaisedAtAsync(int level)
    {
        using var board = Manager(HubRoles.BoardMember);
        var raised = await RaiseAsync(board, await LegAsync(), level);
        await ExpectAsync(raised, HttpStatusCode.Created);
        return (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!;
    }

    [Theory]
    [InlineData(HubRoles.TeamManager, 1)]
    [InlineData(HubRoles.TeamManager, 2)]
    [InlineData(HubRoles.HeadOfService, 1)]
    [InlineData(HubRoles.HeadOfService, 2)]
    [InlineData(HubRoles.HeadOfService, 3)]
    [InlineData(HubRoles.BoardMember, 3)]
    public async Task Manager_raises_at_their_own_level_or_one_above(string role, int level)
    {
        using var manager = Manager(role);

        var raised = await RaiseAsync(manager, await LegAsync(), level);

        await ExpectAsync(raised, HttpStatusCode.Created);
        var escalation = (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!;
        Assert.Equal((level, EscalationLadder.OwnerAt(level, escalation.Theme)), (escalation.Level, escalation.Owner));
    }

    [Fact]
    public async Task Team_manager_is_refused_a_level_three_escalation_and_nothing_is_raised()
    {
        using var teamManager = Manager(HubRoles.TeamManager);
        var leg = await LegAsync();
        var before = await hub.CountRowsAsync();

        var refused = await RaiseAsync(teamManager, leg, 3);

        Assert.Equal("A team manager may raise an escalation at levels 1 and 2, not at level 3.", await ExpectForbiddenAsync(refused));

        // The inbox is written only by consumers, never by a request; the other tests' escalations are still being notified meanwhile.
        Assert.Equal(before with { Inbox = 0 }, await hub.CountRowsAsync() with { Inbox = 0 });
        Assert.Equal(0, await hub.QueryAsync(db => db.Escalations.CountAsync(e => e.LegId == leg.LegId)));
    }

    [Theory]
    [InlineData(HubRoles.TeamManager, 1)]
    [InlineData(HubRoles.HeadOfService, 1)]
    [InlineData(HubRoles.HeadOfService, 2)]
    [InlineData(HubRoles.BoardMember, 3)]
    public async Task Manager_resolves_at_or_below_their_own_level(string role, int level)
    {
        var escalation = await RaisedAtAsync(level);
        using var manager = Manager(role);

        var resolved = await manager.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation("Agreed with the agency."));

        await ExpectAsync(resolved, HttpStatusCode.OK);
        Assert.Equal("Agreed with the agency.", (await resolved.Content.ReadFromJsonAsync<EscalationSummary>())!.Outcome);
    }

    [Theory]
    [InlineData(HubRoles.TeamManager, 2, "A team manager may resolve escalations at level 1; this one is at level 2.")]
    [InlineData(HubRoles.TeamManager, 3, "A team manager may resolve escalations at level 1; this one is at level 3.")]
    [InlineData(HubRoles.HeadOfService, 3, "A head of service may resolve escalations at levels 1 and 2; this one is at level 3.")]
    public async Task Manager_is_refused_resolving_above_their_level_and_it_stays_open(string role, int level, string refusal)
    {
        var escalation = await RaisedAtAsync(level);
        using var manager = Manager(role);

        var refused = await manager.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation("Not mine to resolve."));

        Assert.Equal(refusal, await ExpectForbiddenAsync(refused));
        var stored = await hub.QueryAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.Id == escalation.Id));
        Assert.True(stored.IsOpen);
        Assert.Equal(0, await hub.QueryAsync(db => db.Audit.CountAsync(a => a.ResourceType == "escalation-resolution" && a.ResourceId == escalation.Id.ToString())));
    }

    [Theory]
    [InlineData(HubRoles.TeamManager, new[] { 1 })]
    [InlineData(HubRoles.HeadOfService, new[] { 1, 2 })]
    [InlineData(HubRoles.BoardMember, new[] { 1, 2, 3 })]
    public async Task Manager_lists_the_escalations_at_or_below_their_level(string role, int[] seen)
    {
        var raised = new[] { await RaisedAtAsync(1), await RaisedAtAsync(2), await RaisedAtAsync(3) };
        using var manager = Manager(role);

        var listed = (await manager.GetFromJsonAsync<List<EscalationSummary>>("/api/escalations"))!;

        Assert.Equal(seen, raised.Where(r => listed.Any(l => l.Id == r.Id)).Select(r => r.Level));
        Assert.All(listed, e => Assert.InRange(e.Level, 1, seen.Max()));
    }

    [Fact]
    public async Task Asking_for_a_level_above_ones_own_is_refused_and_a_level_off_the_ladder_is_invalid()
    {
        using var teamManager = Manager(HubRoles.TeamManager);

        Assert.Equal("A team manager sees escalations at level 1.", await ExpectForbiddenAsync(await teamManager.GetAsync("/api/escalations?level=2")));
        await ExpectFieldErrorAsync(await teamManager.GetAsync("/api/escalations?level=4"), "level");
    }
}
