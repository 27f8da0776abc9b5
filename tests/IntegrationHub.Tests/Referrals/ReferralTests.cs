using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Tests.Referrals;

public class ReferralTests
{
    static readonly DateTimeOffset Made = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Later = Made.AddHours(2);

    static Referral NewReferral(params string[] legStatuses)
    {
        var id = Guid.NewGuid();
        var youngPersonId = Guid.NewGuid();
        return new Referral
        {
            Id = id,
            TenantId = "council-a",
            YoungPersonId = youngPersonId,
            PlanVersionId = Guid.NewGuid(),
            PlanVersionNumber = 1,
            Summary = "Summary",
            Sections = [PlanSectionCodes.Accommodation],
            ReferrerId = "pa-1",
            ReferrerName = "PA One",
            CreatedAt = Made,
            Status = ReferralStatus.RollUp(legStatuses),
            Legs = [.. legStatuses.Select((s, i) => new Leg
            {
                Id = Guid.NewGuid(),
                ReferralId = id,
                TenantId = "council-a",
                ReferralMadeAt = Made,
                YoungPersonId = youngPersonId,
                YoungPersonBornOn = new DateOnly(2007, 5, 1),
                Agency = AgencyCodes.All[i],
                Recipient = new Organisation($"org-{i}", $"Organisation {i}"),
                Reason = $"Reason for {AgencyCodes.All[i]}",
                Status = s,
                LawfulBasis = new LawfulBasis("consent", "PA One", Made, null),
                SharedSections = [PlanSectionCodes.Accommodation],
                UpdatedAt = Made,
            })],
        };
    }

    [Fact]
    public void Applied_change_updates_the_leg_and_adds_a_status_changed_entry()
    {
        var referral = NewReferral(Received, Requested);
        var leg = referral.Legs[0];

        var refusal = referral.ChangeLeg(leg, new LegChange(Rejected, "Housing officer", Later, "Not eligible", "no-local-connection"));

        Assert.Null(refusal);
        Assert.Equal(Rejected, leg.Status);
        Assert.Equal("Not eligible", leg.StatusReason);
        Assert.Equal("no-local-connection", leg.ReasonCode);
        Assert.Equal(Later, leg.UpdatedAt);
        Assert.Equal(1, leg.Version);
        var entry = Assert.Single(referral.Timeline);
        Assert.Equal(TimelineKinds.StatusChanged, entry.Kind);
        Assert.Equal(referral.Id, entry.ReferralId);
        Assert.Equal(leg.Id, entry.LegId);
        Assert.Equal(leg.Agency, entry.Agency);
        Assert.Equal(Received, entry.FromStatus);
        Assert.Equal(Rejected, entry.ToStatus);
        Assert.Equal("Housing officer", entry.Actor);
        Assert.Equal(Later, entry.At);
        Assert.Equal("Not eligible", entry.Detail);
    }

    [Fact]
    public void Leg_keeps_its_earliest_acknowledgement_and_decision_times_for_the_board()
    {
        var referral = NewReferral(Requested, Requested);
        var (first, second) = (referral.Legs[0], referral.Legs[1]);

        referral.ChangeLeg(first, new LegChange(Received, "Housing officer", Later));
        referral.ChangeLeg(first, new LegChange(Accepted, "Housing officer", Later.AddHours(3)));
        // An agency's clock dates its decision before its acknowledgement: each time is kept as the timeline has it.
        referral.ChangeLeg(second, new LegChange(Received, "Nurse", Later.AddHours(5)));
        referral.ChangeLeg(second, new LegChange(Rejected, "Nurse", Later.AddHours(4), "Not eligible"));

        Assert.Equal<(DateTimeOffset?, DateTimeOffset?)>((Later, Later.AddHours(3)), (first.AcknowledgedAt, first.DecidedAt));
        Assert.Equal<(DateTimeOffset?, DateTimeOffset?)>((Later.AddHours(5), Later.AddHours(4)), (second.AcknowledgedAt, second.DecidedAt));
    }

    [Fact]
    public void Refused_change_records_no_answer_time()
    {
        var referral = NewReferral(Requested);
        var leg = referral.Legs[0];

        Assert.NotNull(referral.ChangeLeg(leg, new LegChange(Accepted, "Housing officer", Later)));

        Assert.Null(leg.AcknowledgedAt);
        Assert.Null(leg.DecidedAt);
    }

    [Fact]
    public void Completed_change_records_the_outcome()
    {
        var referral = NewReferral(InProgress);
        var leg = referral.Legs[0];

        Assert.Null(referral.ChangeLeg(leg, new LegChange(Completed, "Worker", Later, Outcome: "Tenancy signed")));

        Assert.Equal("Tenancy signed", leg.Outcome);
        Assert.Equal("Tenancy signed", Assert.Single(referral.Timeline).Detail);
        Assert.Equal(ReferralStatus.Completed, referral.Status);
    }

    [Fact]
    public void Refused_change_leaves_the_leg_alone_and_adds_a_transition_refused_entry()
    {
        var referral = NewReferral(Requested, Requested);
        var leg = referral.Legs[0];

        var refusal = referral.ChangeLeg(leg, new LegChange(Completed, "Worker", Later, Outcome: "Done"));

        Assert.NotNull(refusal);
        Assert.Equal(Requested, leg.Status);
        Assert.Equal(Made, leg.UpdatedAt);
        Assert.Null(leg.Outcome);
        Assert.Equal(0, leg.Version);
        Assert.Equal(ReferralStatus.Sent, referral.Status);
        var entry = Assert.Single(referral.Timeline);
        Assert.Equal(TimelineKinds.TransitionRefused, entry.Kind);
        Assert.Equal(Requested, entry.FromStatus);
        Assert.Equal(Completed, entry.ToStatus);
        Assert.Equal(refusal, entry.Detail);
        Assert.Equal(leg.Id, entry.LegId);
    }

    [Fact]
    public void Change_without_its_required_reason_is_refused()
    {
        var referral = NewReferral(Received);
        var leg = referral.Legs[0];

        Assert.NotNull(referral.ChangeLeg(leg, new LegChange(Rejected, "Worker", Later)));

        Assert.Equal(Received, leg.Status);
        Assert.Equal(TimelineKinds.TransitionRefused, Assert.Single(referral.Timeline).Kind);
    }

    [Fact]
    public void One_leg_declined_and_the_others_accepted_leaves_the_referral_in_progress()
    {
        var referral = NewReferral(Received, Received, Received);

        referral.ChangeLeg(referral.Legs[0], new LegChange(Accepted, "Housing", Later));
        referral.ChangeLeg(referral.Legs[1], new LegChange(Rejected, "NHS", Later, "Not our area", "out-of-area"));
        referral.ChangeLeg(referral.Legs[2], new LegChange(Accepted, "DWP", Later));

        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal([Accepted, Rejected, Accepted], referral.Legs.Select(l => l.Status));
        Assert.Equal(3, referral.Timeline.Count(t => t.Kind == TimelineKinds.StatusChanged));
    }

    [Fact]
    public void Cancelling_every_leg_cancels_the_referral()
    {
        var referral = NewReferral(Requested, Received);

        foreach (var leg in referral.Legs)
        {
            Assert.True(referral.CanCancel(leg));
            referral.ChangeLeg(leg, new LegChange(Cancelled, "PA One", Later, "Young person moved away"));
        }

        Assert.Equal(ReferralStatus.Cancelled, referral.Status);
        Assert.All(referral.Legs, l => Assert.False(referral.CanCancel(l)));
    }
}
