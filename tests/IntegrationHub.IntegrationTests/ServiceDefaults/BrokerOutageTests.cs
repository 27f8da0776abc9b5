using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.IntegrationTests.ServiceDefaults;

/// <summary>
/// A broker outage while a referral is made: the referral is accepted into the outbox, which counts no attempt against it
/// while the broker is away and sends it once the broker is back; the outage is a few log lines, not one per endpoint,
/// message or reconnection attempt.
/// </summary>
public sealed class BrokerOutageTests(HubWithLogs hub) : IClassFixture<HubWithLogs>
{
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Referral_made_while_the_broker_is_away_is_sent_once_it_is_back_and_the_outage_is_logged_once_per_10_seconds()
    {
        var received = new TaskCompletionSource<LegRequested>(TaskCreationOptions.RunContinuationsAsynchronously);
        await hub.ConnectAgencyAsync(AgencyCodes.Probation, (_, leg) =>
        {
            received.TrySetResult(leg);
            return Task.CompletedTask;
        });
        using var pa = hub.PersonalAdviser();
        var youngPersonId = await pa.RegisterWithPlanAsync();

        hub.Logs.Clear();
        var started = DateTimeOffset.UtcNow;
        await RealInfrastructure.RabbitCtlAsync("stop_app");
        Guid referralId;
        try
        {
            referralId = await pa.MakeReferralAsync([AgencyCodes.Probation], youngPersonId);

            // Nothing can arrive before the dispatcher has tried the broker and found it away: an outage counts against no message.
            var unsent = await Eventually.WaitAsync(
                () => hub.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.MessageType == typeof(LegRequested).FullName && m.Body.Contains(referralId.ToString()))),
                m => m.LastError is not null,
                "the dispatcher's first attempt to send the leg");
            Assert.StartsWith("Waiting for the message broker", unsent.LastError, StringComparison.Ordinal);
            Assert.Equal((0, null, null), (unsent.Attempts, unsent.SentAt, unsent.NextAttemptAt));
            Assert.False(received.Task.IsCompleted);

            // The outage lasts a while longer, so the dispatcher and the bus try the broker again and again while it is away.
            await Task.Delay(Outage - (DateTimeOffset.UtcNow - started) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        }
        finally
        {
            await RealInfrastructure.RabbitCtlAsync("start_app");
        }

        var leg = await received.Task.WaitAsync(TimeSpan.FromSeconds(90));
        var away = DateTimeOffset.UtcNow - started;

        Assert.Equal(referralId, leg.ReferralId);
        var log = hub.Logs.GetSnapshot();
        var warnings = log.Where(r => r.Level >= LogLevel.Warning).ToList();
        var others = warnings.Where(r => r.Category != typeof(DependencyOutages).FullName).ToList();
        Assert.True(others.Count == 0, $"Only the outage is spoken of while the broker is away; also logged ({others.Count}): {string.Join(" | ", others.Take(20).Select(r => $"{r.Category}: {r.Message}"))}");
        var reports = warnings.Where(r => r.Category == typeof(DependencyOutages).FullName).ToList();
        Assert.All(reports, r => Assert.StartsWith("The message broker is out of reach", r.Message, StringComparison.Ordinal));
        Assert.InRange(reports.Count, 1, (int)Math.Ceiling(away / DependencyOutages.ReportInterval) + 1);
    }
}
