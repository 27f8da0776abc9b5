using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Auditing;

/// <summary>
/// Gives committed audit entries their places in their local authority's chain, oldest first, in batches: each batch is
/// linked in one transaction that holds the chain's head, so two replicas never give two entries one place
/// (PostgreSQL holds it with an advisory lock per local authority; SQLite's write transaction admits one writer at a time).
/// A unique index on (tenant, sequence) refuses a fork whatever happens.
/// </summary>
public sealed class AuditChainLinker(HubDbContext db)
{
    public const int BatchSize = 500;

    /// <summary>The local authorities with entries waiting for their places.</summary>
    public Task<List<string?>> WaitingTenantsAsync(CancellationToken cancellationToken) =>
        db.Audit.Where(a => a.Sequence == null).Select(a => a.TenantId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Links every entry of the local authority that waits for its place; returns how many it linked.</summary>
    public async Task<int> LinkAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var linked = 0;
        int batch;
        do
        {
            batch = await LinkBatchAsync(tenantId, cancellationToken);
            linked += batch;
        }
        while (batch == BatchSize);
        return linked;
    }

    async Task<int> LinkBatchAsync(string? tenantId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"audit-chain:" + tenantId}))", cancellationToken);
        }

        var waiting = await db.Audit
            .Where(a => a.TenantId == tenantId && a.Sequence == null)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (waiting.Count > 0)
        {
            var head = await db.Audit
                .Where(a => a.TenantId == tenantId && a.Sequence > 0)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var (sequence, previous) = (head?.Sequence ?? 0, head?.Hash ?? AuditChain.Genesis);
            foreach (var entry in waiting)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previous;
                entry.Hash = previous = AuditChain.HashOf(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return waiting.Count;
    }
}

/// <summary>Wakes the <see cref="AuditChainLinking"/> as soon as audit entries were committed.</summary>
public sealed class AuditChainSignal : WakeSignal;
