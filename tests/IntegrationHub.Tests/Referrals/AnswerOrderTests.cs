using CsCheck;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.LegStatusCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Tests.Referrals;

/// <summary>
/// An agency's answers to one leg, acknowledged, accepted, started and completed, as the bus may deliver them: each
/// one to three times, in any order. Whatever the order, each has one effect, and the leg's timeline is the one the
/// agency's order gives (the reference model); nothing is held or refused at the end.
/// </summary>
public sealed class AnswerOrderTests(HubFactory hub) : IClassFixture<HubFactory>
{
    /// <summary>The statuses the agency's answers take the leg through, in the order it sent them.</summary>
    static readonly string[] ReferenceTimeline = [Received, LegStatusCodes.Accepted, InProgress, Completed];

    static readonly Gen<int[]> Deliveries =
        Gen.Int[1, 3].Array[ReferenceTimeline.Length]
            .SelectMany(copies => Gen.Shuffle(Enumerable.Range(0, copies.Length).SelectMany(i => Enumerable.Repeat(i, copies[i])).ToArray()));

    [Fact]
    public async Task Answers_delivered_one_to_three_times_in_any_order_have_one_effect_each_and_the_agencys_timeline()
    {
        using var pa = hub.PersonalAdviser();
        await Deliveries.SampleAsync(
            async order =>
            {
                var (_, referral) = await pa.ReferAsync([Health], Nhs);
                var legId = referral.LegIdOf(Nhs);
                var recipient = await hub.QueryAsync(db => db.Legs.Where(l => l.Id == legId).Select(l => l.Recipient.Code).SingleAsync());
                var answers = AgencyOrder(legId, DateTimeOffset.UtcNow);

                foreach (var index in order)
                {
                    // One unit of work per delivery, as the bus's consumer has.
                    await using var delivery = hub.Services.CreateAsyncScope();
                    await delivery.ServiceProvider.GetRequiredService<AgencyAnswerRecorder>().RecordAsync(answers[index], AnswerSource.Bus(recipient), CancellationToken.None);
                }

                var after = await pa.GetReferralAsync(referral.Id);
                Assert.Equal(ReferenceTimeline, after.Timeline.Where(t => t.LegId == legId && t.Kind == TimelineKinds.StatusChanged).Select(t => t.ToStatus));
                Assert.DoesNotContain(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
                Assert.Equal(("Seen in clinic", ReferralStatus.Completed), (after.LegOf(Nhs).Outcome, after.Status));
                var answerIds = answers.Select(a => a.AnswerId).ToList();
                Assert.Equal(answers.Length, await hub.QueryAsync(db => db.Inbox.CountAsync(i => answerIds.Contains(i.MessageKey))));
                Assert.Equal(0, await hub.QueryAsync(db => db.HeldAnswers.CountAsync(h => h.LegId == legId)));
            },
            iter: 40,
            threads: 1,
            print: order => string.Join(", ", order.Select(i => ReferenceTimeline[i])));
    }

    /// <summary>The answers as the agency sent them, a minute apart.</summary>
    static ILegAnswer[] AgencyOrder(Guid legId, DateTimeOffset start) =>
    [
        new LegAcknowledged(Guid.NewGuid(), legId, Nhs, "Clinician", start, "NHS-REF-1"),
        new LegAccepted(Guid.NewGuid(), legId, Nhs, "Clinician", start.AddMinutes(1), "Taken on"),
        new LegStarted(Guid.NewGuid(), legId, Nhs, "Clinician", start.AddMinutes(2), null),
        new LegCompleted(Guid.NewGuid(), legId, Nhs, "Clinician", start.AddMinutes(3), "Seen in clinic"),
    ];
}
