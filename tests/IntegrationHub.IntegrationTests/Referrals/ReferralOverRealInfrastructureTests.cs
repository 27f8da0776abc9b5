using IntegrationHub.Testing;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using MassTransit;

namespace IntegrationHub.IntegrationTests.Referrals;

public sealed class ReferralOverRealInfrastructureTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    static readonly TimeSpan Patience = Scenario.Patience;

    [Fact]
    public async Task Referral_to_three_agencies_is_answered_over_rabbitmq_and_recorded_in_postgres()
    {
        var answered = new ConcurrentDictionary<string, ILegAnswer>();
        var sent = new ConcurrentDictionary<string, LegRequested>();

        // Housing accepts, the NHS declines with a reason, the Jobcentre only acknowledges.
        await hub.ConnectAgencyAsync(AgencyCodes.Housing, async (context, leg) =>
        {
            sent[leg.Agency] = leg;
            await context.AnswerAsync(leg, new LegAcknowledged(NewId.NextGuid(), leg.LegId, leg.Agency, "housing officer", DateTimeOffset.UtcNow, "H-1"));
            var accepted = new LegAccepted(NewId.NextGuid(), leg.LegId, leg.Agency, "housing officer", DateTimeOffset.UtcNow.AddSeconds(1), "Prevention duty");
            answered[leg.Agency] = accepted;
            await context.AnswerAsync(leg, accepted);
        });
        await hub.ConnectAgencyAsync(AgencyCodes.Nhs, async (context, leg) =>
        {
            sent[leg.Agency] = leg;
            await context.AnswerAsync(leg, new LegAcknowledged(NewId.NextGuid(), leg.LegId, leg.Agency, "GP practice", DateTimeOffset.UtcNow, null));
            await context.AnswerAsync(leg, new LegDeclined(NewId.NextGuid(), leg.LegId, leg.Agency, "GP practice", DateTimeOffset.UtcNow.AddSeconds(1),
                "out-of-area", "Registered with a practice in another area."));
        });
        await hub.ConnectAgencyAsync(AgencyCodes.Dwp, async (context, leg) =>
        {
            sent[leg.Agency] = leg;
            await context.AnswerAsync(leg, new LegAcknowledged(NewId.NextGuid(), leg.LegId, leg.Agency, "Jobcentre SPOC", DateTimeOffset.UtcNow, "DWP-9"));
        });

        using var pa = hub.PersonalAdviser();
        var referralId = await pa.MakeReferralAsync([AgencyCodes.Housing, AgencyCodes.Nhs, AgencyCodes.Dwp]);

        var referral = await Scenario.WaitForAsync(pa, referralId, r =>
            Scenario.Status(r, AgencyCodes.Housing) == LegStatusCodes.Accepted
            && Scenario.Status(r, AgencyCodes.Nhs) == LegStatusCodes.Rejected
            && Scenario.Status(r, AgencyCodes.Dwp) == LegStatusCodes.Received,
            "each agency's last answer");

        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        var nhs = referral.Legs.Single(l => l.Agency == AgencyCodes.Nhs);
        Assert.Equal("out-of-area", nhs.ReasonCode);
        Assert.Equal("Registered with a practice in another area.", nhs.StatusReason);
        Assert.Equal("DWP-9", referral.Legs.Single(l => l.Agency == AgencyCodes.Dwp).AgencyReference);
        Assert.Equal(
            [
                $"{AgencyCodes.Housing}:{LegStatusCodes.Requested}>{LegStatusCodes.Received}",
                $"{AgencyCodes.Housing}:{LegStatusCodes.Received}>{LegStatusCodes.Accepted}",
            ],
            referral.Timeline.Where(t => t.Kind == TimelineKinds.StatusChanged && t.Agency == AgencyCodes.Housing)
                .Select(t => $"{t.Agency}:{t.FromStatus}>{t.ToStatus}"));
        Assert.Contains(referral.Timeline, t => t.Kind == TimelineKinds.ReferralMade);

        // Each agency was sent only its own sections.
        Assert.Equal([PlanSectionCodes.Accommodation, PlanSectionCodes.Financial], sent[AgencyCodes.Housing].Sections.Select(s => s.Code).Order());
        Assert.Equal([PlanSectionCodes.Health], sent[AgencyCodes.Nhs].Sections.Select(s => s.Code));
        Assert.Equal([PlanSectionCodes.Eet, PlanSectionCodes.Financial], sent[AgencyCodes.Dwp].Sections.Select(s => s.Code).Order());

        // The same answer again changes nothing.
        var repeat = answered[AgencyCodes.Housing];
        var handled = WatchConsumed(repeat.AnswerId);
        await hub.Bus.PublishAsync(repeat, sent[AgencyCodes.Housing].Recipient.Code, default);
        await handled.WaitAsync(Patience);
        var after = await Scenario.GetAsync(pa, referralId);
        Assert.Equal(referral.Timeline.Count, after.Timeline.Count);
        Assert.Equal(LegStatusCodes.Accepted, Scenario.Status(after, AgencyCodes.Housing));
    }

    [Fact]
    public async Task Answer_for_an_unknown_leg_goes_to_the_error_queue_with_its_reason()
    {
        var answer = new LegAccepted(NewId.NextGuid(), Guid.NewGuid(), AgencyCodes.Housing, "someone", DateTimeOffset.UtcNow, null);
        await using var errors = await RawRabbit.ConnectAsync(hub.VirtualHost);

        await hub.Bus.Publish(answer);

        var dead = await errors.WaitForMessageAsync($"{Endpoints.LegAnswersQueue}_error", Patience);
        Assert.Contains(answer.LegId.ToString(), dead.Body, StringComparison.Ordinal);
        Assert.Contains($"No leg {answer.LegId} is known to the hub.", dead.Header("MT-Fault-Message"), StringComparison.Ordinal);
    }

    Task WatchConsumed(Guid answerId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Bus.ConnectConsumeMessageObserver(new AnswerObserver(answerId, done));
        return done.Task;
    }

    sealed class AnswerObserver(Guid answerId, TaskCompletionSource done) : IConsumeMessageObserver<LegAccepted>
    {
        public Task PreConsume(ConsumeContext<LegAccepted> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<LegAccepted> context)
        {
            if (context.Message.AnswerId == answerId)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<LegAccepted> context, Exception exception)
        {
            if (context.Message.AnswerId == answerId)
            {
                done.TrySetException(exception);
            }

            return Task.CompletedTask;
        }
    }
}
