using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Auditing;

/// <summary>
/// Records every read of a young person's personal data, chained to the local authority's entries
/// before it. The entry is saved before the data is returned: if it cannot be written, the read fails.
/// </summary>
public sealed class AuditLog(HubDbContext db, CorrelationContext correlation, TimeProvider clock)
{
    public Task RecordReadAsync(
        HubUser user, string resourceType, Guid resourceId, Guid youngPersonId, string? basis, CancellationToken cancellationToken)
    {
        Add(user, resourceType, resourceId, youngPersonId, basis);
        return SaveChainedAsync(cancellationToken);
    }

    /// <summary>Records a list read: one entry for each young person whose data was returned.</summary>
    public Task RecordReadsAsync(HubUser user, string resourceType, IEnumerable<Guid> youngPersonIds, string? basis, CancellationToken cancellationToken)
    {
        foreach (var id in youngPersonIds)
        {
            Add(user, resourceType, id, id, basis);
        }

        return SaveChainedAsync(cancellationToken);
    }

    void Add(HubUser user, string resourceType, Guid resourceId, Guid youngPersonId, string? basis) => db.Audit.Add(new AuditEntry
    {
        Id = Guid.NewGuid(),
        At = AuditChain.Stored(clock.GetUtcNow()),
        ActorId = user.Id,
        ActorRole = user.Role,
        TenantId = user.TenantId,
        Agency = user.Agency,
        Organisation = user.Organisation,
        Action = "read",
        ResourceType = resourceType,
        ResourceId = resourceId.ToString(),
        YoungPersonId = youngPersonId,
        Basis = basis,
        CorrelationId = correlation.Id,
    });

    /// <summary>
    /// Links the new entries to the head of their chain and saves them in one transaction that holds
    /// the chain, so two replicas never give two entries one place. PostgreSQL holds it with an
    /// advisory lock per local authority; SQLite's write transaction already admits one writer at a time.
    /// A unique index on (tenant, sequence) refuses a fork whatever happens.
    /// </summary>
    async Task SaveChainedAsync(CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var chain in added.GroupBy(e => e.TenantId))
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"audit-chain:" + chain.Key}))", cancellationToken);
            }

            var head = await db.Audit
                .Where(a => a.TenantId == chain.Key && a.Sequence > 0)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var (sequence, previous) = (head?.Sequence ?? 0, head?.Hash ?? AuditChain.Genesis);
            foreach (var entry in chain)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previous;
                entry.Hash = previous = AuditChain.HashOf(entry);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
