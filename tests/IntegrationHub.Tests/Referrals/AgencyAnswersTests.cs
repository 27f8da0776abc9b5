using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.LegStatusCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Referrals;

/// <summary>
/// The referral's way out through the outbox to each agency's queue, and the agencies' answers
/// back through the bus onto the legs and the timeline.
/// </summary>
public class AgencyAnswersTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly string[] Sections = [Accommodation, Health, Eet, Financial];

    /// <summary>Waits until every agency named has received exactly its own leg of the referral.</summary>
    async Task<Dictionary<string, LegRequested>> DeliveredAsync(ReferralAccepted referral)
    {
        var agencies = referral.Legs.Select(l => l.Agency).ToHashSet();
        var delivered = await Eventually.WaitAsync(
            () => hub.Agencies.RequestedFor(referral.Id),
            d => agencies.All(a => d[a].Count > 0),
            "every agency to receive its leg");
        return delivered.Where(d => agencies.Contains(d.Key)).ToDictionary(d => d.Key, d => Assert.Single(d.Value));
    }

    async Task PublishAndWaitAsync<T>(T answer, HttpClient pa, Guid referralId, string status) where T : class, ILegAnswer
    {
        await hub.Bus.Publish(answer);
        await pa.WaitForReferralAsync(referralId, r => r.Legs.Single(l => l.Id == answer.LegId).Status == status, $"leg {answer.LegId} to be {status}");
    }

    /// <summary>Publishes an answer for a leg nobody knows and waits for its fault: afterwards, earlier faults have arrived too.</summary>
    async Task FaultBarrierAsync()
    {
        var unknown = new LegAccepted(Guid.NewGuid(), Guid.NewGuid(), Nhs, "Nobody", DateTimeOffset.UtcNow, null);
        await hub.Bus.Publish(unknown);
        await Eventually.WaitAsync(() => hub.Answers.Faults, f => f.Any(x => x.AnswerId == unknown.AnswerId), "the fault of an answer for an unknown leg");
    }

    [Fact]
    public async Task Each_agency_receives_exactly_its_own_leg_with_only_its_sections_and_identifiers()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync(Sections, Housing, Nhs, Dwp);

        var delivered = await DeliveredAsync(referral);

        // Every outgoing message is marked sent; then nothing more arrives.
        await Eventually.WaitAsync(
            () => hub.QueryAsync(db => db.Outbox.CountAsync(m => m.SentAt == null)), n => n == 0, "the outbox to be empty");
        var all = hub.Agencies.RequestedFor(referral.Id);
        Assert.Single(all[Housing]);
        Assert.Single(all[Nhs]);
        Assert.Single(all[Dwp]);
        Assert.Empty(all[Probation]);
        Assert.Empty(all[Yos]);

        foreach (var (agency, message) in delivered)
        {
            Assert.Equal(agency, message.Agency);
            Assert.Equal(referral.LegIdOf(agency), message.LegId);
            Assert.Equal(referral.Id, message.ReferralId);
            Assert.Equal(HubFactory.TenantA, message.TenantId);
            Assert.Equal(person.DateOfBirth, message.Person.DateOfBirth);
            Assert.Equal("consent", message.LawfulBasis.Basis);
            Assert.Equal("Test pa-1", message.Referrer.Name);
        }

        Assert.Equal([Accommodation, Financial], delivered[Housing].Sections.Select(s => s.Code));
        Assert.Equal([Health], delivered[Nhs].Sections.Select(s => s.Code));
        Assert.Equal([Eet, Financial], delivered[Dwp].Sections.Select(s => s.Code));
        Assert.Equal(["Need in health"], delivered[Nhs].Sections[0].Needs);

        static Dictionary<string, string> Ids(LegRequested m) => m.Person.Identifiers.ToDictionary(i => i.Type, i => i.Value);
        Assert.Equal(new Dictionary<string, string> { [IdentifierTypes.LocalAuthorityPersonId] = person.LocalAuthorityPersonId }, Ids(delivered[Housing]));
        Assert.Equal(
            new Dictionary<string, string> { [IdentifierTypes.LocalAuthorityPersonId] = person.LocalAuthorityPersonId, [IdentifierTypes.NhsNumber] = "9434765919" },
            Ids(delivered[Nhs]));
        Assert.Equal(
            new Dictionary<string, string> { [IdentifierTypes.LocalAuthorityPersonId] = person.LocalAuthorityPersonId, [IdentifierTypes.NationalInsuranceNumber] = "AB123456C" },
            Ids(delivered[Dwp]));
    }

    [Fact]
    public async Task Agency_answers_move_their_legs_and_roll_up_the_referral()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Housing, Nhs, Dwp);
        var delivered = await DeliveredAsync(referral);

        foreach (var leg in delivered.Values)
        {
            await PublishAndWaitAsync(Acknowledged(leg), pa, referral.Id, Received);
        }

        var afterAcknowledgement = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(ReferralStatus.InProgress, afterAcknowledgement.Status);
        Assert.Equal("HOUSING-REF-1", afterAcknowledgement.LegOf(Housing).AgencyReference);

        await PublishAndWaitAsync(Accepted(delivered[Housing]), pa, referral.Id, LegStatusCodes.Accepted);
        await PublishAndWaitAsync(Accepted(delivered[Nhs]), pa, referral.Id, LegStatusCodes.Accepted);
        var declined = new LegDeclined(Guid.NewGuid(), delivered[Dwp].LegId, Dwp, "Work coach", DateTimeOffset.UtcNow,
            "already-supported", "Already supported by a work coach at another Jobcentre.");
        await PublishAndWaitAsync(declined, pa, referral.Id, Rejected);

        var decided = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(ReferralStatus.InProgress, decided.Status);
        Assert.Equal("already-supported", decided.LegOf(Dwp).ReasonCode);
        Assert.Equal("Already supported by a work coach at another Jobcentre.", decided.LegOf(Dwp).StatusReason);
        foreach (var agency in new[] { Housing, Nhs, Dwp })
        {
            var legId = referral.LegIdOf(agency);
            var changes = decided.Timeline.Where(t => t.LegId == legId && t.Kind == TimelineKinds.StatusChanged).ToList();
            Assert.Equal(
                [(Requested, Received), (Received, agency == Dwp ? Rejected : LegStatusCodes.Accepted)],
                changes.Select(t => (t.FromStatus, t.ToStatus)));
            Assert.Equal(agency, changes[0].Agency);
        }

        var dwpDecline = decided.Timeline.Single(t => t.LegId == declined.LegId && t.ToStatus == Rejected);
        Assert.Equal("Work coach", dwpDecline.Actor);
        Assert.Equal(declined.Reason, dwpDecline.Detail);
        Assert.DoesNotContain(decided.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);

        // Housing and the NHS finish their work: every leg has ended, and some agency helped.
        foreach (var agency in new[] { Housing, Nhs })
        {
            var leg = delivered[agency];
            await PublishAndWaitAsync(new LegStarted(Guid.NewGuid(), leg.LegId, agency, "Worker", DateTimeOffset.UtcNow, null), pa, referral.Id, InProgress);
            await PublishAndWaitAsync(new LegCompleted(Guid.NewGuid(), leg.LegId, agency, "Worker", DateTimeOffset.UtcNow, "Support in place"), pa, referral.Id, Completed);
        }

        var finished = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(ReferralStatus.Completed, finished.Status);
        Assert.Equal("Support in place", finished.LegOf(Housing).Outcome);

        await FaultBarrierAsync();
        var legIds = referral.Legs.Select(l => l.Id).ToHashSet();
        Assert.DoesNotContain(hub.Answers.Faults, f => legIds.Contains(f.LegId));
    }

    [Fact]
    public async Task Same_answer_twice_is_recorded_once()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        var leg = (await DeliveredAsync(referral))[Nhs];
        await PublishAndWaitAsync(Acknowledged(leg), pa, referral.Id, Received);
        var accepted = Accepted(leg);

        await hub.Bus.Publish(accepted);
        await hub.Bus.Publish(accepted);
        await Eventually.WaitAsync(() => hub.Answers.TimesHandled(accepted.AnswerId), n => n >= 2, "both deliveries to be handled");

        var after = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(LegStatusCodes.Accepted, after.LegOf(Nhs).Status);
        Assert.Single(after.Timeline, t => t.LegId == leg.LegId && t.Kind == TimelineKinds.StatusChanged && t.ToStatus == LegStatusCodes.Accepted);
        // The second delivery is recognised, not merely refused as an illegal accepted → accepted.
        Assert.DoesNotContain(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
        Assert.Equal(1, await hub.QueryAsync(db => db.Inbox.CountAsync(i => i.MessageKey == accepted.AnswerId)));

        await FaultBarrierAsync();
        Assert.DoesNotContain(hub.Answers.Faults, f => f.LegId == leg.LegId);
    }

    [Fact]
    public async Task Answer_a_leg_can_no_longer_take_is_refused_and_put_on_the_timeline()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        var leg = (await DeliveredAsync(referral))[Nhs];
        await PublishAndWaitAsync(new LegDeclined(Guid.NewGuid(), leg.LegId, Nhs, "Triage", DateTimeOffset.UtcNow, "out-of-area", "Not our area"), pa, referral.Id, Rejected);
        var started = new LegStarted(Guid.NewGuid(), leg.LegId, Nhs, "GP receptionist", DateTimeOffset.UtcNow, null);

        await hub.Bus.Publish(started);

        var after = await pa.WaitForReferralAsync(referral.Id, r => r.Timeline.Any(t => t.Kind == TimelineKinds.TransitionRefused), "the refusal on the timeline");
        Assert.Equal(Rejected, after.LegOf(Nhs).Status);
        var refused = Assert.Single(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
        Assert.Equal((leg.LegId, Rejected, InProgress, "GP receptionist"), (refused.LegId!.Value, refused.FromStatus, refused.ToStatus, refused.Actor));
        Assert.Equal(0, await hub.QueryAsync(db => db.HeldAnswers.CountAsync(h => h.LegId == leg.LegId)));
    }

    [Fact]
    public async Task Answer_that_overtook_the_one_it_follows_is_held_and_applied_after_it()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        var leg = (await DeliveredAsync(referral))[Nhs];
        var now = DateTimeOffset.UtcNow;
        var completed = new LegCompleted(Guid.NewGuid(), leg.LegId, Nhs, "Clinician", now.AddMinutes(3), "Seen in clinic");
        var started = new LegStarted(Guid.NewGuid(), leg.LegId, Nhs, "Clinician", now.AddMinutes(2), null);

        await hub.Bus.Publish(completed);
        await hub.Bus.Publish(started);
        await hub.Bus.Publish(started);
        await Eventually.WaitAsync(() => hub.QueryAsync(db => db.HeldAnswers.CountAsync(h => h.LegId == leg.LegId)), held => held == 2, "both answers held");
        var waiting = await pa.GetReferralAsync(referral.Id);
        await PublishAndWaitAsync(Accepted(leg), pa, referral.Id, Completed);

        Assert.Equal(Requested, waiting.LegOf(Nhs).Status);
        Assert.DoesNotContain(waiting.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
        var after = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(
            [Received, LegStatusCodes.Accepted, InProgress, Completed],
            after.Timeline.Where(t => t.LegId == leg.LegId && t.Kind == TimelineKinds.StatusChanged).Select(t => t.ToStatus));
        Assert.Equal("Seen in clinic", after.LegOf(Nhs).Outcome);
        Assert.DoesNotContain(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
        Assert.Equal(0, await hub.QueryAsync(db => db.HeldAnswers.CountAsync(h => h.LegId == leg.LegId)));
        Assert.Equal(2, await hub.QueryAsync(db => db.Inbox.CountAsync(i => i.MessageKey == completed.AnswerId || i.MessageKey == started.AnswerId)));
    }

    [Fact]
    public async Task Held_answer_for_a_leg_that_went_another_way_is_refused_on_the_timeline()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        var leg = (await DeliveredAsync(referral))[Nhs];
        var started = new LegStarted(Guid.NewGuid(), leg.LegId, Nhs, "Clinician", DateTimeOffset.UtcNow, null);
        await hub.Bus.Publish(started);
        await Eventually.WaitAsync(() => hub.QueryAsync(db => db.HeldAnswers.CountAsync(h => h.LegId == leg.LegId)), held => held == 1, "the start held");

        await PublishAndWaitAsync(new LegDeclined(Guid.NewGuid(), leg.LegId, Nhs, "Triage", DateTimeOffset.UtcNow, "out-of-area", "Not our area"), pa, referral.Id, Rejected);

        var after = await pa.GetReferralAsync(referral.Id);
        var refused = Assert.Single(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
        Assert.Equal((Rejected, InProgress), (refused.FromStatus, refused.ToStatus));
        Assert.Equal(0, await hub.QueryAsync(db => db.HeldAnswers.CountAsync(h => h.LegId == leg.LegId)));
    }

    [Fact]
    public async Task Agency_cannot_answer_another_agencys_leg()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation, Financial], Housing, Dwp);
        var housingLeg = (await DeliveredAsync(referral))[Housing];
        var fromDwp = new LegAcknowledged(Guid.NewGuid(), housingLeg.LegId, Dwp, "Work coach", DateTimeOffset.UtcNow, null);

        await hub.Bus.Publish(fromDwp);

        var after = await pa.WaitForReferralAsync(referral.Id, r => r.Timeline.Any(t => t.Kind == TimelineKinds.TransitionRefused), "the refusal on the timeline");
        Assert.Equal(Requested, after.LegOf(Housing).Status);
        var refused = Assert.Single(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
        Assert.Equal(housingLeg.LegId, refused.LegId);
        Assert.Contains("dwp", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_for_an_unknown_leg_faults()
    {
        var unknown = new LegDeclined(Guid.NewGuid(), Guid.NewGuid(), Housing, "Nobody", DateTimeOffset.UtcNow, "x", "No such leg");

        await hub.Bus.Publish(unknown);

        var faults = await Eventually.WaitAsync(() => hub.Answers.Faults, f => f.Any(x => x.AnswerId == unknown.AnswerId), "the fault");
        var fault = Assert.Single(faults, f => f.AnswerId == unknown.AnswerId);
        Assert.Equal(nameof(LegDeclined), fault.MessageType);
        Assert.Equal(typeof(UnknownLegException).FullName, fault.ExceptionType);
        Assert.Equal(0, await hub.QueryAsync(db => db.Inbox.CountAsync(i => i.MessageKey == unknown.AnswerId)));
    }

    [Fact]
    public async Task Decision_on_an_unacknowledged_leg_implies_it_was_received()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation], Housing);
        var leg = (await DeliveredAsync(referral))[Housing];

        await PublishAndWaitAsync(Accepted(leg), pa, referral.Id, LegStatusCodes.Accepted);

        var after = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(
            [$"{Requested}>{Received}", $"{Received}>{LegStatusCodes.Accepted}"],
            after.Timeline.Where(t => t.Kind == TimelineKinds.StatusChanged).Select(t => $"{t.FromStatus}>{t.ToStatus}"));
        Assert.DoesNotContain(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
    }

    [Fact]
    public async Task Acknowledgement_overtaken_by_the_decision_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation], Housing);
        var leg = (await DeliveredAsync(referral))[Housing];
        await PublishAndWaitAsync(Accepted(leg), pa, referral.Id, LegStatusCodes.Accepted);
        var before = await pa.GetReferralAsync(referral.Id);

        var late = Acknowledged(leg);
        await hub.Bus.Publish(late);
        await Eventually.WaitAsync(() => hub.Answers.TimesHandled(late.AnswerId), n => n == 1, "the late acknowledgement to be handled");

        var after = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(LegStatusCodes.Accepted, after.LegOf(Housing).Status);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
    }
}
