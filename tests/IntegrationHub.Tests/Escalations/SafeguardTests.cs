using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using IntegrationHub.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Escalations;

/// <summary>
/// A safeguard about needs in the pathway plan, declared by adult social care's adapter: the hub runs
/// it with no code of its own for that agency.
/// </summary>
public sealed class SafeguardTests : IAsyncLifetime
{
    const string ReasonCode = "eighteen-without-adult-social-care";

    readonly ClockedHubFactory hub = new(new Dictionary<string, string>());

    static readonly DateOnly Today = DateOnly.FromDateTime(ClockedHubFactory.Start.UtcDateTime);

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync().AsTask();

    /// <summary>A young person whose pathway plan records a need under each section given, in one version and then, if given, a later one.</summary>
    static async Task<Guid> YoungPersonAsync(HttpClient pa, DateOnly dateOfBirth, string[] plan, string[]? laterPlan = null)
    {
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson(dateOfBirth));
        await pa.CreatePlanVersionAsync(person.Id, Plan(plan));
        if (laterPlan is not null)
        {
            await pa.CreatePlanVersionAsync(person.Id, Plan(laterPlan));
        }

        return person.Id;
    }

    Task<List<Escalation>> EscalationsOfAsync(Guid youngPersonId) =>
        hub.QueryAsync(db => db.Escalations.AsNoTracking().Where(e => e.YoungPersonId == youngPersonId).ToListAsync());

    [Fact]
    public async Task Needs_in_the_current_plan_near_eighteen_escalate_until_the_declaring_agency_accepts()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var born = Today.AddYears(-18).AddMonths(5);
        var person = await YoungPersonAsync(pa, born, [Accommodation, PracticalSkills]);

        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(1));

        var escalation = Assert.Single(await EscalationsOfAsync(person));
        Assert.Equal((1, ReasonCode, AdultSocialCare, AgencyThemes.Health, "team-manager", (Guid?)null), (escalation.Level, escalation.ReasonCode, escalation.Agency, escalation.Theme, escalation.Owner, escalation.ReferralId));
        Assert.Equal(
            $"Turns 18 on {born.AddYears(18):d MMMM yyyy}, has health or practical skills needs in the pathway plan and no accepted adult social care leg.",
            escalation.Reason);

        var referral = await pa.MakeReferralAsync(Referral(person, 1, [Accommodation], AdultSocialCare));
        await hub.Bus.Publish(new LegAccepted(Guid.NewGuid(), referral.LegIdOf(AdultSocialCare), AdultSocialCare, "Transitions worker", hub.Clock.GetUtcNow(), "Eligible needs found."));
        await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(AdultSocialCare).Status == LegStatusCodes.Accepted, "adult social care to accept");
        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(2));

        var resolved = Assert.Single(await EscalationsOfAsync(person));
        Assert.False(resolved.IsOpen);
        Assert.Equal("The young person now has an accepted adult social care leg.", resolved.Outcome);
    }

    [Fact]
    public async Task Only_needs_in_the_current_plan_version_and_in_the_safeguards_sections_count()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var nearEighteen = Today.AddYears(-18).AddMonths(3);
        var needNoLongerInPlan = await YoungPersonAsync(pa, nearEighteen, [Health], [Accommodation]);
        var otherNeeds = await YoungPersonAsync(pa, nearEighteen, [Accommodation, Eet]);
        var notYetNear = await YoungPersonAsync(pa, Today.AddYears(-17).AddMonths(-1), [Health]);
        var needInCurrentPlan = await YoungPersonAsync(pa, nearEighteen, [Accommodation], [Health]);

        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(1));

        Assert.Empty(await EscalationsOfAsync(needNoLongerInPlan));
        Assert.Empty(await EscalationsOfAsync(otherNeeds));
        Assert.Empty(await EscalationsOfAsync(notYetNear));
        Assert.Equal(ReasonCode, Assert.Single(await EscalationsOfAsync(needInCurrentPlan)).ReasonCode);
    }

    [Fact]
    public async Task A_notification_tells_the_safeguard_without_the_birthday()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var born = Today.AddYears(-18).AddMonths(2);
        var person = await YoungPersonAsync(pa, born, [Health]);
        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(1));
        var escalation = Assert.Single(await EscalationsOfAsync(person));

        using var teamManager = hub.CreateClient(hub.Token("tm-1", HubRoles.TeamManager, HubFactory.TenantA));
        var notice = Assert.Single(await teamManager.WaitForNotificationsAsync(escalation.Id));

        Assert.Contains("Reason: With health or practical skills needs in the pathway plan, turning 18 soon, and no adult social care leg has been accepted.", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"{born.AddYears(18):d MMMM yyyy}", notice.Body, StringComparison.Ordinal);
    }
}
