using IntegrationHub.Contracts.V1;
using IntegrationHub.Outcomes;
using IntegrationHub.Referrals;
using IntegrationHub.Tests.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Tests.Delivery;

/// <summary>
/// The hub's clock decides when a leg whose attempts fail goes again and when its budget is spent (here: first retry
/// after 10 minutes, doubling up to 30, for an hour), counted from the leg's sending.
/// </summary>
public sealed class DeliveryRetryBudgetTests : IAsyncLifetime
{
    readonly ClockedHubFactory hub = new(new Dictionary<string, string>
    {
        ["Adapters:Delivery:FirstRetry"] = "00:10:00",
        ["Adapters:Delivery:MaxInterval"] = "00:30:00",
        ["Adapters:Delivery:RetryBudget"] = "01:00:00",
    });

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync().AsTask();

    [Fact]
    public async Task Failed_attempts_go_again_at_doubling_intervals_until_the_budget_is_spent_then_the_leg_fails_saying_how_long_and_how_often()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        var legId = referral.LegIdOf(Nhs);
        var start = ClockedHubFactory.Start;

        Assert.Equal(start.AddMinutes(10), await AttemptFailsAtAsync(legId, start, 1));
        Assert.Equal(start.AddMinutes(30), await AttemptFailsAtAsync(legId, start.AddMinutes(10), 2));
        Assert.Equal(start.AddMinutes(60), await AttemptFailsAtAsync(legId, start.AddMinutes(30), 3));
        var (status, reason) = await LegAsync(legId);
        Assert.Equal(LegStatusCodes.Requested, status);

        await AttemptFailsAtAsync(legId, start.AddMinutes(60), 4);

        (status, reason) = await LegAsync(legId);
        Assert.Equal(LegStatusCodes.Failed, status);
        Assert.Equal("Not delivered in 1 hours 0 minutes, after 4 attempts; the last failed: Timed out (attempt 4).", reason);
        var retries = await hub.QueryAsync(db => db.Timeline.Where(t => t.LegId == legId && t.Kind == TimelineKinds.DeliveryRetrying).OrderBy(t => t.Id).Select(t => t.Detail!).ToListAsync());
        Assert.Equal(3, retries.Count);
        Assert.Equal("Delivery attempt 1 failed: Timed out (attempt 1). Trying again at 10:10 UTC on 18 December 2026.", retries[0]);
    }

    [Fact]
    public async Task A_failed_attempt_on_a_leg_cancelled_meanwhile_is_not_retried()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        var legId = referral.LegIdOf(Nhs);
        var user = HubFactory.PersonalAdviserUser();
        await hub.CallAsync<ReferralService, Outcome<ReferralDetails>>(user, s => s.CancelLegAsync(referral.Id, legId, new CancelRequest("Housed privately"), user, default));

        Assert.Null(await AttemptFailsAtAsync(legId, ClockedHubFactory.Start, 1));

        Assert.Equal(LegStatusCodes.Cancelled, (await LegAsync(legId)).Status);
        Assert.Contains(
            "A failed delivery attempt is not retried on a cancelled leg",
            await hub.QueryAsync(db => db.Timeline.Where(t => t.LegId == legId && t.Kind == TimelineKinds.TransitionRefused).Select(t => t.Detail!).SingleAsync()),
            StringComparison.Ordinal);
    }

    /// <summary>Records the adapter's report of a failed attempt at that moment; answers when the leg is staged to go next, if it is.</summary>
    async Task<DateTimeOffset?> AttemptFailsAtAsync(Guid legId, DateTimeOffset at, int attempt)
    {
        hub.Clock.SetUtcNow(at);
        var recipient = await hub.QueryAsync(db => db.Legs.Where(l => l.Id == legId).Select(l => l.Recipient.Code).SingleAsync());
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AgencyAnswerRecorder>().RecordAsync(
                new LegDeliveryAttemptFailed(Guid.NewGuid(), legId, Nhs, "nhs adapter", at, $"Timed out (attempt {attempt})."), AnswerSource.Bus(recipient), CancellationToken.None);
        }

        return await hub.QueryAsync(db => db.Outbox
            .Where(m => m.MessageType == typeof(LegRequested).FullName && m.Body.Contains(legId.ToString()) && m.CreatedAt == at && m.NextAttemptAt != null)
            .Select(m => m.NextAttemptAt)
            .SingleOrDefaultAsync());
    }

    Task<(string Status, string? Reason)> LegAsync(Guid legId) =>
        hub.QueryAsync(async db => await db.Legs.Where(l => l.Id == legId).Select(l => new ValueTuple<string, string?>(l.Status, l.StatusReason)).SingleAsync());
}
