using System.Net;
using System.Text.Json;
using IntegrationHub.LoadShedding;
using IntegrationHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;
using static IntegrationHub.Tests.Idempotency.Keyed;

namespace IntegrationHub.Tests.LoadShedding;

/// <summary>A replica offered more API work than it takes at once queues a little of it and turns the rest away, changing nothing.</summary>
public sealed class LoadSheddingTests(LoadSheddingTests.OnePlaceHub hub) : IClassFixture<LoadSheddingTests.OnePlaceHub>
{
    public sealed class OnePlaceHub : HubFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("LoadShedding:ConcurrentRequests", "1");
            builder.UseSetting("LoadShedding:QueuedRequests", "1");
            builder.UseSetting("LoadShedding:RetryAfter", "00:00:03");
        }
    }

    [Fact]
    public async Task An_api_request_beyond_the_places_and_the_queue_is_a_503_with_retry_after_that_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        using var anonymous = hub.CreateClient();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Health));
        var shedder = hub.Services.GetRequiredService<LoadShedder>();

        Task<HttpResponseMessage> first, queued;
        HttpResponseMessage turnedAway, live;
        // SQLite's one write lock, held here: the first referral waits for it in the one place.
        await using (await hub.HoldWriteLockAsync())
        {
            first = pa.PostAsync("/api/referrals", Referral(person.Id, plan.Number, [Health], Nhs), NewKey());
            await Eventually.WaitAsync(() => shedder.Occupancy, o => o.Free == 0, "the first referral in the one place");
            queued = pa.GetAsync($"/api/young-people/{person.Id}");
            await Eventually.WaitAsync(() => shedder.Occupancy, o => o.Queued == 1, "a read in the one place in the queue");

            turnedAway = await pa.PostAsync("/api/referrals", Referral(person.Id, plan.Number, [Health], Dwp), NewKey());
            live = await anonymous.GetAsync("/health/live");
        }

        await ExpectAsync(turnedAway, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(3), turnedAway.Headers.RetryAfter?.Delta);
        using (var problem = JsonDocument.Parse(await turnedAway.Content.ReadAsStringAsync()))
        {
            Assert.Equal("The hub is busy", problem.RootElement.GetProperty("title").GetString());
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        }

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await ExpectAsync(await first, HttpStatusCode.Accepted);
        await ExpectAsync(await queued, HttpStatusCode.OK);
        var agencies = await hub.QueryAsync(db => db.Referrals.Where(r => r.YoungPersonId == person.Id).SelectMany(r => r.Legs).Select(l => l.Agency).ToListAsync());
        Assert.Equal([Nhs], agencies);

        // Each request gives its place back once it is answered.
        await Eventually.WaitAsync(() => shedder.Occupancy, o => o == (1, 0), "the one place free again and no one queued");
    }
}
