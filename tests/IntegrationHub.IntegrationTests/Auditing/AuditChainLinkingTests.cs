using IntegrationHub.Auditing;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.IntegrationTests.Auditing;

/// <summary>Several replicas linking one council's audit chain at once, on PostgreSQL.</summary>
public sealed class AuditChainLinkingTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Four_linkers_at_once_give_every_waiting_entry_one_place_in_the_order_recorded()
    {
        const string tenant = "council-linkers";
        var ids = AuditChain.IdsInOrder(AuditChain.Stored(DateTimeOffset.UtcNow), (2 * AuditChainLinker.BatchSize) + 200).ToList();
        await hub.QueryAsync(db =>
        {
            db.Audit.AddRange(ids.Select((id, i) => new AuditEntry
            {
                Id = id,
                At = AuditChain.Stored(DateTimeOffset.UtcNow),
                ActorId = "pa-linkers",
                ActorRole = HubRoles.PersonalAdviser,
                TenantId = tenant,
                Action = AuditActions.Read,
                ResourceType = "young-person",
                ResourceId = $"{i}",
            }));
            return db.SaveChangesAsync();
        });

        // The hub's own linker, woken by that commit, may be a fifth.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = hub.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().SpanAllTenants("a replica's linker");
            await scope.ServiceProvider.GetRequiredService<AuditChainLinker>().LinkAsync(tenant, CancellationToken.None);
        }));

        var linked = await hub.QueryAsync(db => db.Audit.Where(a => a.TenantId == tenant).OrderBy(a => a.Sequence).Select(a => new { a.Id, a.Sequence }).ToListAsync());
        Assert.Equal(ids, linked.Select(l => l.Id));
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long?)i), linked.Select(l => l.Sequence));
        await using var verifying = hub.Services.CreateAsyncScope();
        verifying.ServiceProvider.GetRequiredService<TenantScope>().SpanAllTenants("a test's verification");
        var verification = await verifying.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(tenant, CancellationToken.None);
        Assert.Equal((true, (long)ids.Count), (verification.Intact, verification.EntriesVerified));
    }
}
