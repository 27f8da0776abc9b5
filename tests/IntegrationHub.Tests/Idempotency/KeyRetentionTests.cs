using IntegrationHub.Idempotency;
using IntegrationHub.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Idempotency;

/// <summary>A kept response holds personal data: the retention purge deletes it once its key is past its retention (24 hours by default).</summary>
public sealed class KeyRetentionTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Keys_past_their_retention_are_purged_in_every_tenant_and_younger_ones_kept()
    {
        var now = DateTimeOffset.UtcNow;
        var lastWeek = Used(HubFactory.TenantA, now.AddDays(-7));
        var theDayBefore = Used(HubFactory.TenantB, now.AddHours(-25));
        var anHourAgo = Used(HubFactory.TenantA, now.AddHours(-1));
        await hub.QueryAsync(db =>
        {
            db.IdempotencyKeys.AddRange(lastWeek, theDayBefore, anHourAgo);
            return db.SaveChangesAsync();
        });

        var (_, _, purged) = await hub.Services.GetRequiredService<OutboxPurger>().PurgeAsync(CancellationToken.None);

        Assert.Equal(2, purged);
        var left = await hub.QueryAsync(db => db.IdempotencyKeys.Where(k => k.Key.StartsWith("retention-")).Select(k => k.Key).ToListAsync());
        Assert.Equal([anHourAgo.Key], left);
    }

    static IdempotencyKey Used(string tenantId, DateTimeOffset at) => new()
    {
        TenantId = tenantId,
        Caller = "user:pa-1",
        Method = "POST",
        Route = "/api/referrals/",
        Key = $"retention-{Guid.NewGuid():N}",
        RequestHash = new string('0', 64),
        At = at,
        StatusCode = 202,
        Body = "{\"personal\":\"data\"}"u8.ToArray(),
    };
}
