using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;
using static IntegrationHub.Tests.Idempotency.Keyed;

namespace IntegrationHub.Tests.Idempotency;

/// <summary>A repeat that comes while the first request with its key still runs waits for it, for a bounded time.</summary>
public sealed class StillInProgressTests(StillInProgressTests.ImpatientHub hub) : IClassFixture<StillInProgressTests.ImpatientHub>
{
    public sealed class ImpatientHub : HubFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Idempotency:WaitForFirst", "00:00:01");
    }

    [Fact]
    public async Task A_repeat_while_the_first_runs_past_the_wait_is_a_409_with_retry_after_and_the_key_is_free_after_the_first_fails()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Health));
        var referral = Referral(person.Id, plan.Number, [Health], Nhs);
        var key = NewKey();
        var before = await hub.CountRowsAsync();

        // The first request's transaction, holding SQLite's one write lock while it runs on.
        HttpResponseMessage meanwhile;
        await using (await hub.HoldWriteLockAsync())
        {
            meanwhile = await pa.PostAsync("/api/referrals", referral, key);
        }

        await ExpectAsync(meanwhile, HttpStatusCode.Conflict);
        Assert.Equal(TimeSpan.FromSeconds(5), meanwhile.Headers.RetryAfter?.Delta);
        using (var problem = JsonDocument.Parse(await meanwhile.Content.ReadAsStringAsync()))
        {
            Assert.Contains("still", problem.RootElement.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains(key, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await hub.CountRowsAsync());
        var after = await pa.PostAsync("/api/referrals", referral, key);
        await ExpectAsync(after, HttpStatusCode.Accepted);
        Assert.False(after.IsReplayed());
        Assert.Equal(1, await hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == person.Id)));
    }
}
