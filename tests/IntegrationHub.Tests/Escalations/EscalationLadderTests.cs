using System.Net.Http.Json;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Escalations;

/// <summary>
/// The ladder driven by the clock across Christmas 2026: Friday 18 December, then the bank
/// holidays on Friday 25 and Monday 28 December and Friday 1 January. Housing must acknowledge
/// within 1 working day; a level-1 escalation goes up after 2 more, a level-2 after 9 more.
/// </summary>
public sealed class EscalationLadderTests : IAsyncLifetime
{
    // A hub of its own for each test: the clock only goes forward.
    readonly ClockedHubFactory hub = new();

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync().AsTask();

    static DateTimeOffset At(int month, int day, int hour) => new(month == 1 ? 2027 : 2026, month, day, hour, 0, 0, TimeSpan.Zero);

    async Task<Escalation?> EscalationForAsync(Guid legId) =>
        await hub.QueryAsync(db => db.Escalations.AsNoTracking().SingleOrDefaultAsync(e => e.LegId == legId));

    [Fact]
    public async Task Leg_left_unanswered_climbs_the_ladder_across_weekends_and_bank_holidays()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation], Housing);
        var leg = referral.LegIdOf(Housing);

        // Monday 21 December, the one working day of the SLA: nothing yet.
        await hub.ScanAtAsync(At(12, 21, 17));
        Assert.Null(await EscalationForAsync(leg));

        // After 2 working days (Wednesday 23 December): level 1, the team manager.
        await hub.ScanAtAsync(At(12, 23, 9));
        var levelOne = await EscalationForAsync(leg);
        Assert.Equal((1, "team-manager", EscalationReasons.NoAcknowledgement, AgencyThemes.Housing), (levelOne!.Level, levelOne.Owner, levelOne.ReasonCode, levelOne.Theme));

        // After 4 (Thursday 24, then the bank holidays): still level 1, due at the end of Tuesday 29.
        await hub.ScanAtAsync(At(12, 29, 9));
        Assert.Equal(1, (await EscalationForAsync(leg))!.Level);

        // After 5 working days (Wednesday 30 December): level 2, the head of service.
        await hub.ScanAtAsync(At(12, 30, 9));
        var levelTwo = await EscalationForAsync(leg);
        Assert.Equal((2, "head-of-service"), (levelTwo!.Level, levelTwo.Owner));

        // After 14 working days (Wednesday 13 January): still level 2.
        await hub.ScanAtAsync(At(1, 13, 9));
        Assert.Equal(2, (await EscalationForAsync(leg))!.Level);

        // After 15 working days (Thursday 14 January): the board's housing champion.
        await hub.ScanAtAsync(At(1, 14, 9));
        var levelThree = await EscalationForAsync(leg);
        Assert.Equal((3, "board-champion:housing"), (levelThree!.Level, levelThree.Owner));
        Assert.Equal(1, await hub.QueryAsync(db => db.Escalations.CountAsync(e => e.LegId == leg)));

        var timeline = (await pa.GetReferralAsync(referral.Id)).Timeline.Where(t => t.Kind.StartsWith("escalation", StringComparison.Ordinal)).Select(t => t.Kind);
        Assert.Equal(["escalation-raised", "escalation-level-changed", "escalation-level-changed"], timeline);
    }

    [Fact]
    public async Task Leg_acknowledged_on_the_last_day_of_its_sla_is_not_escalated()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation], Housing);
        var leg = referral.LegIdOf(Housing);

        hub.Clock.SetUtcNow(At(12, 21, 16));
        await hub.Bus.Publish(new LegAcknowledged(Guid.NewGuid(), leg, Housing, "Housing officer", At(12, 21, 16), null));
        await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Housing).Status == LegStatusCodes.Received, "the acknowledgement");

        await hub.ScanAtAsync(At(12, 23, 9));
        Assert.Null(await EscalationForAsync(leg));
    }

    [Fact]
    public async Task Housing_decline_for_intentional_homelessness_goes_straight_to_level_two()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation], Housing);
        var leg = referral.LegIdOf(Housing);
        await hub.Bus.Publish(new LegDeclined(Guid.NewGuid(), leg, Housing, "Housing officer", ClockedHubFactory.Start, "intentionally-homeless", "Left settled accommodation."));
        await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Housing).Status == LegStatusCodes.Rejected, "the decline");

        await hub.ScanAtAsync(ClockedHubFactory.Start.AddMinutes(5));

        var escalation = await EscalationForAsync(leg);
        Assert.Equal((2, "head-of-service", EscalationReasons.UnacceptableDecline), (escalation!.Level, escalation.Owner, escalation.ReasonCode));
        Assert.Contains("intentionally-homeless", escalation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sla_escalation_resolves_itself_when_the_agency_answers()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation], Housing);
        var leg = referral.LegIdOf(Housing);
        await hub.ScanAtAsync(At(12, 23, 9));
        Assert.True((await EscalationForAsync(leg))!.IsOpen);

        await hub.Bus.Publish(new LegAcknowledged(Guid.NewGuid(), leg, Housing, "Housing officer", At(12, 23, 10), null));
        await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Housing).Status == LegStatusCodes.Received, "the acknowledgement");
        await hub.ScanAtAsync(At(12, 23, 11));

        var escalation = await EscalationForAsync(leg);
        Assert.False(escalation!.IsOpen);
        Assert.Contains("received", escalation.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_raises_one_by_hand_and_resolves_it_with_an_outcome()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        using var manager = hub.CreateClient(hub.Token("hos-1", HubRoles.HeadOfService, HubFactory.TenantA));

        var raised = await manager.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral.Id, referral.LegIdOf(Nhs), "CAMHS will not see Jordan before the transition.", 2));
        await ExpectAsync(raised, System.Net.HttpStatusCode.Created);
        var escalation = (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!;
        Assert.Equal((2, AgencyThemes.Health), (escalation.Level, escalation.Theme));

        var withoutOutcome = await manager.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation(" "));
        await ExpectFieldErrorAsync(withoutOutcome, "outcome");

        var resolved = await manager.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation("Agreed a joint appointment."));
        await ExpectAsync(resolved, System.Net.HttpStatusCode.OK);
        Assert.Equal("Agreed a joint appointment.", (await resolved.Content.ReadFromJsonAsync<EscalationSummary>())!.Outcome);
        Assert.Equal(1, await hub.QueryAsync(db => db.Outbox.CountAsync(m => m.MessageType == typeof(EscalationResolved).FullName && m.Body.Contains(escalation.Id.ToString()))));

        using var otherCouncil = hub.CreateClient(hub.Token("hos-2", HubRoles.HeadOfService, HubFactory.TenantB));
        Assert.DoesNotContain((await otherCouncil.GetFromJsonAsync<List<EscalationSummary>>("/api/escalations"))!, e => e.Id == escalation.Id);
        await ExpectAsync(await pa.GetAsync("/api/escalations"), System.Net.HttpStatusCode.Forbidden);
    }

    async Task<ReferralAccepted> AcceptedLegAsync(HttpClient pa, string agency, string[] sections, RegisterYoungPerson? person = null)
    {
        var young = await pa.RegisterYoungPersonAsync(person);
        await pa.CreatePlanVersionAsync(young.Id, Plan(sections));
        var referral = await pa.MakeReferralAsync(Referral(young.Id, 1, sections, agency));
        var leg = referral.LegIdOf(agency);
        await hub.Bus.Publish(new LegAccepted(Guid.NewGuid(), leg, agency, $"{agency} worker", hub.Clock.GetUtcNow(), null));
        await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(agency).Status == LegStatusCodes.Accepted, $"the {agency} leg to be accepted");
        return referral;
    }

    async Task TellAsync<T>(HttpClient pa, Guid referralId, T news) where T : class, ILegAnswer
    {
        await hub.Bus.Publish(news);
        await pa.WaitForReferralAsync(referralId, r => r.Timeline.Any(t => t.Kind == "agency-update"), "the agency's news on the timeline");
    }

    [Fact]
    public async Task Sanction_proposed_and_not_answered_by_the_pa_within_two_working_days_goes_to_level_two()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var referral = await AcceptedLegAsync(pa, Dwp, [Eet]);
        var leg = referral.LegIdOf(Dwp);
        await TellAsync(pa, referral.Id, new SanctionProposed(Guid.NewGuid(), leg, Dwp, "Work coach", ClockedHubFactory.Start, new DateOnly(2027, 1, 11), "Missed two appointments."));

        await hub.ScanAtAsync(At(12, 22, 17));
        Assert.Null(await EscalationForAsync(leg));

        await hub.ScanAtAsync(At(12, 23, 9));
        var escalation = await EscalationForAsync(leg);
        Assert.Equal((2, EscalationReasons.SanctionWithoutPaResponse, AgencyThemes.Eet), (escalation!.Level, escalation.ReasonCode, escalation.Theme));
    }

    [Fact]
    public async Task Sanction_the_pa_answered_in_time_is_not_escalated()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var referral = await AcceptedLegAsync(pa, Dwp, [Eet]);
        var leg = referral.LegIdOf(Dwp);
        await TellAsync(pa, referral.Id, new SanctionProposed(Guid.NewGuid(), leg, Dwp, "Work coach", ClockedHubFactory.Start, new DateOnly(2027, 1, 11), "Missed two appointments."));

        hub.Clock.SetUtcNow(At(12, 21, 11));
        var answered = await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/legs/{leg}/sanction-response", new IntegrationHub.Referrals.SanctionResponse("Spoke to the work coach: Jordan was in hospital."));
        await ExpectAsync(answered, System.Net.HttpStatusCode.OK);

        await hub.ScanAtAsync(At(12, 23, 9));
        Assert.Null(await EscalationForAsync(leg));
        var again = await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/legs/{leg}/sanction-response", new IntegrationHub.Referrals.SanctionResponse("Again"));
        await ExpectAsync(again, System.Net.HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Release_in_twenty_days_with_no_accepted_accommodation_leg_escalates_until_housing_accepts()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var referral = await AcceptedLegAsync(pa, Probation, [Justice]);
        await TellAsync(pa, referral.Id, new CustodyReleasePlanned(Guid.NewGuid(), referral.LegIdOf(Probation), Probation, "Probation officer", ClockedHubFactory.Start, new DateOnly(2027, 1, 7)));

        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(1));

        var escalation = await hub.QueryAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.ReferralId == referral.Id));
        Assert.Equal((1, "release-without-accommodation", AgencyThemes.Housing), (escalation.Level, escalation.ReasonCode, escalation.Theme));

        var person = (await pa.GetReferralAsync(referral.Id)).YoungPersonId;
        await pa.CreatePlanVersionAsync(person, Plan(Accommodation));
        var housing = await pa.MakeReferralAsync(Referral(person, 2, [Accommodation], Housing));
        await hub.Bus.Publish(new LegAccepted(Guid.NewGuid(), housing.LegIdOf(Housing), Housing, "Housing officer", hub.Clock.GetUtcNow(), null));
        await pa.WaitForReferralAsync(housing.Id, r => r.LegOf(Housing).Status == LegStatusCodes.Accepted, "housing to accept");
        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(2));

        Assert.False((await hub.QueryAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.Id == escalation.Id))).IsOpen);
    }

    [Fact]
    public async Task Open_to_the_yos_within_six_months_of_eighteen_with_no_probation_leg_escalates()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var seventeenAndAHalf = DateOnly.FromDateTime(ClockedHubFactory.Start.UtcDateTime).AddYears(-18).AddMonths(5);
        var referral = await AcceptedLegAsync(pa, Yos, [Justice], NewYoungPerson(seventeenAndAHalf));

        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(1));

        var escalation = await hub.QueryAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.ReferralId == referral.Id));
        Assert.Equal(("eighteen-without-probation", AgencyThemes.Justice, Probation), (escalation.ReasonCode, escalation.Theme, escalation.Agency));
        Assert.Equal($"Turns 18 on {seventeenAndAHalf.AddYears(18):d MMMM yyyy}, is open to the youth offending service and has no accepted probation leg.", escalation.Reason);
    }

    [Fact]
    public async Task Open_to_the_yos_more_than_six_months_before_eighteen_is_not_escalated()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        using var pa = hub.PersonalAdviser();
        var sixteen = DateOnly.FromDateTime(ClockedHubFactory.Start.UtcDateTime).AddYears(-16).AddMonths(-1);
        var referral = await AcceptedLegAsync(pa, Yos, [Justice], NewYoungPerson(sixteen));

        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(1));

        Assert.Equal(0, await hub.QueryAsync(db => db.Escalations.CountAsync(e => e.ReferralId == referral.Id)));
    }
}
