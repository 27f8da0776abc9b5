using System.Net;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Idempotency;
using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.IntegrationTests.Idempotency.IdempotencyOnPostgresTests;

namespace IntegrationHub.IntegrationTests.Idempotency;

/// <summary>A repeat that comes while the first request with its key still runs waits for its transaction on PostgreSQL, for a bounded time.</summary>
public sealed class StillInProgressOnPostgresTests(StillInProgressOnPostgresTests.ImpatientHub hub) : IClassFixture<StillInProgressOnPostgresTests.ImpatientHub>
{
    /// <summary>Repeats wait two seconds for the first request with their key, not thirty.</summary>
    public sealed class ImpatientHub : HubOnRealInfrastructure
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Idempotency:WaitForFirst"] = "00:00:02" };
    }

    Task<int> ReferralsOfAsync(Guid youngPersonId) => hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == youngPersonId));

    [Fact]
    public async Task A_repeat_while_the_first_runs_past_the_wait_is_a_409_with_retry_after_and_the_key_is_free_once_the_first_fails()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterWithPlanAsync();
        var referral = ReferralOf(person, AgencyCodes.Nhs);
        var used = $"it-{Guid.NewGuid():N}";
        await HttpAssert.StatusAsync(HttpStatusCode.Accepted, await pa.SendAsync(Keyed("/api/referrals", referral, IdempotentAttribute.KeyHeader, used)));
        var mine = await hub.QueryAsync(db => db.IdempotencyKeys.SingleAsync(k => k.Key == used));
        var key = $"it-{Guid.NewGuid():N}";

        // The first request with the key, still running: its transaction holds the key uncommitted.
        HttpResponseMessage meanwhile;
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(HubOnRealInfrastructure.TenantId);
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await using var first = await db.Database.BeginTransactionAsync();
            db.IdempotencyKeys.Add(new IdempotencyKey
            {
                TenantId = mine.TenantId,
                Caller = mine.Caller,
                Method = mine.Method,
                Route = mine.Route,
                Key = key,
                RequestHash = "in progress",
                At = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            meanwhile = await pa.SendAsync(Keyed("/api/referrals", referral, IdempotentAttribute.KeyHeader, key));
            await first.RollbackAsync();
        }

        await HttpAssert.StatusAsync(HttpStatusCode.Conflict, meanwhile);
        Assert.NotNull(meanwhile.Headers.RetryAfter?.Delta);
        Assert.Contains(key, await meanwhile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ReferralsOfAsync(person));
        var after = await pa.SendAsync(Keyed("/api/referrals", referral, IdempotentAttribute.KeyHeader, key));
        await HttpAssert.StatusAsync(HttpStatusCode.Accepted, after);
        Assert.False(IsReplayed(after));
        Assert.Equal(2, await ReferralsOfAsync(person));
    }
}
