using CsCheck;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using IntegrationHub.IntegrationTests;
using IntegrationHub.Referrals;
using IntegrationHub.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.FaultTests;

/// <summary>
/// An agency's four answers to a leg published on RabbitMQ each one to three times, all at once, so the hub's consumers
/// take them concurrently and in any order: each answer has one effect and the leg's timeline is the reference model's,
/// the statuses in the order the agency sent them.
/// </summary>
[Trait("Category", Fault.Category)]
public sealed class AnswerDeliveryFaultTests(HubWithThreeAgenciesOnAmqp hub, ITestOutputHelper output) : IClassFixture<HubWithThreeAgenciesOnAmqp>
{
    const int Samples = 20;

    /// <summary>The reference model: the statuses the agency's answers take the leg through, in the order it sent them.</summary>
    static readonly string[] ReferenceTimeline = [Received, LegStatusCodes.Accepted, InProgress, Completed];

    /// <summary>For each answer, how many times the bus delivers it, shuffled together.</summary>
    static readonly Gen<int[]> Deliveries =
        Gen.Int[1, 3].Array[ReferenceTimeline.Length]
            .SelectMany(copies => Gen.Shuffle(Enumerable.Range(0, copies.Length).SelectMany(i => Enumerable.Repeat(i, copies[i])).ToArray()));

    [Fact]
    public async Task Answers_delivered_one_to_three_times_concurrently_and_out_of_order_have_one_effect_each_and_the_reference_timeline()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterWithPlanAsync();
        var (published, effects, differing) = (0, 0, 0);

        // The line is printed however the samples end, with what they saw up to then.
        try
        {
            await Deliveries.SampleAsync(
                async order =>
                {
                    var referralId = await pa.MakeReferralAsync([AgencyCodes.Nhs], person);
                    var leg = (await Scenario.GetAsync(pa, referralId)).Legs.Single();
                    var start = DateTimeOffset.UtcNow;
                    ILegAnswer[] answers =
                    [
                        new LegAcknowledged(NewId.NextGuid(), leg.Id, AgencyCodes.Nhs, "Clinician", start, "NHS-REF-1"),
                        new LegAccepted(NewId.NextGuid(), leg.Id, AgencyCodes.Nhs, "Clinician", start.AddMinutes(1), "Taken on"),
                        new LegStarted(NewId.NextGuid(), leg.Id, AgencyCodes.Nhs, "Clinician", start.AddMinutes(2), null),
                        new LegCompleted(NewId.NextGuid(), leg.Id, AgencyCodes.Nhs, "Clinician", start.AddMinutes(3), "Seen in clinic"),
                    ];

                    await Task.WhenAll(order.Select(i => hub.Bus.PublishAsync(answers[i], leg.Recipient.Code, default)));
                    Interlocked.Add(ref published, order.Length);

                    var answerIds = answers.Select(a => a.AnswerId).ToList();
                    var recorded = await Eventually.WaitAsync(
                        () => hub.QueryAsync(db => db.Inbox.CountAsync(i => answerIds.Contains(i.MessageKey))), n => n == answers.Length, "each answer recorded");
                    var after = await Scenario.WaitForAsync(pa, referralId, r => r.Status == ReferralStatus.Completed, "the leg completed");
                    var timeline = after.Timeline.Where(t => t.LegId == leg.Id && t.Kind == TimelineKinds.StatusChanged).Select(t => t.ToStatus).ToList();
                    Interlocked.Add(ref effects, timeline.Count);
                    if (!timeline.SequenceEqual(ReferenceTimeline))
                    {
                        Interlocked.Increment(ref differing);
                    }

                    Assert.Equal(ReferenceTimeline, timeline);
                    Assert.Equal(answers.Length, recorded);
                    Assert.DoesNotContain(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
                    Assert.Equal(0, await hub.QueryAsync(db => db.HeldAnswers.CountAsync(h => h.LegId == leg.Id)));
                },
                iter: Samples,
                threads: 1,
                print: order => string.Join(", ", order.Select(i => ReferenceTimeline[i])));
        }
        finally
        {
            Fault.Report(output, $"fault: answers delivered 1-3 times concurrently, out of order | {Samples} legs, {Samples * ReferenceTimeline.Length} answers sent as {published} deliveries | "
                + $"status changes {effects} | timelines unlike the reference model {differing}");
        }
    }
}
