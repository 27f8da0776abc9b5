using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Auditing;

/// <summary>
/// Records every read and every write of a young person's personal data, chained to the local authority's
/// entries before it. A read's entry is saved before the data is returned: if it cannot be written, the read
/// fails. A write's entry is saved with the write, in one transaction: a write the audit cannot record is not made.
/// </summary>
/// <remarks>
/// One entry per user action, not per request: a read that the same person already made of the same record
/// under the same correlation id, less than <see cref="SameActionWithin"/> ago, is that action going on (a page
/// region refreshing itself sends the correlation id of the page that showed it) and is not recorded again.
/// Only the caller's own earlier read is matched, so a correlation id borrowed from someone else hides nothing.
/// </remarks>
public sealed class AuditLog(HubDbContext db, CorrelationContext correlation, TimeProvider clock)
{
    /// <summary>Longer than a page region keeps refreshing itself (ten minutes, <c>wwwroot/js/hub.js</c>).</summary>
    public static readonly TimeSpan SameActionWithin = TimeSpan.FromMinutes(15);

    public Task RecordReadAsync(
        HubUser user, string resourceType, Guid resourceId, Guid youngPersonId, string? basis, CancellationToken cancellationToken) =>
        RecordAsync(user, [Audited.Read(resourceType, resourceId, youngPersonId, basis)], cancellationToken);

    /// <summary>Records a list read: one entry for each young person whose data was returned.</summary>
    public Task RecordReadsAsync(HubUser user, string resourceType, IEnumerable<Guid> youngPersonIds, string? basis, CancellationToken cancellationToken) =>
        RecordAsync(user, youngPersonIds.Select(id => Audited.Read(resourceType, id, id, basis)), cancellationToken);

    /// <summary>
    /// Saves the entries together with every change the unit of work holds, in one transaction: a write and its
    /// entry, or a write, its entry and the entry of what the write answers with, are saved together or not at all.
    /// </summary>
    public async Task RecordAsync(HubUser user, IEnumerable<Audited> entries, CancellationToken cancellationToken)
    {
        var at = AuditChain.Stored(clock.GetUtcNow());
        foreach (var entry in entries)
        {
            db.Audit.Add(new AuditEntry
            {
                Id = Guid.NewGuid(),
                At = at,
                ActorId = user.Id,
                ActorRole = user.Role,
                TenantId = user.TenantId,
                Agency = user.Agency,
                Action = entry.Action,
                ResourceType = entry.ResourceType,
                ResourceId = entry.ResourceId.ToString(),
                YoungPersonId = entry.YoungPersonId,
                Basis = entry.Basis,
                CorrelationId = correlation.Id,
            });
        }

        await SaveChainedAsync(cancellationToken);
    }

    /// <summary>
    /// Links the new entries to the head of their chain and saves them in one transaction that holds
    /// the chain, so two replicas never give two entries one place. PostgreSQL holds it with an
    /// advisory lock per local authority; SQLite's write transaction already admits one writer at a time.
    /// A unique index on (tenant, sequence) refuses a fork whatever happens. Repeated reads are left out
    /// while the chain is held, so two refreshes at once cannot both be recorded.
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

            var kept = await LeaveOutRepeatedReadsAsync(chain.Key, [.. chain], cancellationToken);
            var head = await db.Audit
                .Where(a => a.TenantId == chain.Key && a.Sequence > 0)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var (sequence, previous) = (head?.Sequence ?? 0, head?.Hash ?? AuditChain.Genesis);
            foreach (var entry in kept)
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

    /// <summary>
    /// The entries to save: each read is dropped when the same person read the same record under the same correlation id
    /// less than <see cref="SameActionWithin"/> ago, or earlier in this same batch. Writes are always kept.
    /// </summary>
    async Task<List<AuditEntry>> LeaveOutRepeatedReadsAsync(string? tenantId, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var reads = entries.Where(e => e.Action == AuditActions.Read && e.CorrelationId is not null).ToList();
        if (reads.Count == 0)
        {
            return entries;
        }

        var correlationIds = reads.Select(e => e.CorrelationId).Distinct().ToList();
        var actorIds = reads.Select(e => e.ActorId).Distinct().ToList();
        var since = reads.Min(e => e.At) - SameActionWithin;
        var earlier = await db.Audit
            .Where(a => a.TenantId == tenantId && a.Action == AuditActions.Read && correlationIds.Contains(a.CorrelationId)
                && actorIds.Contains(a.ActorId) && a.At >= since)
            .Select(a => new { a.ActorId, a.CorrelationId, a.ResourceType, a.ResourceId })
            .ToListAsync(cancellationToken);
        var recorded = earlier.Select(a => (a.ActorId, a.CorrelationId, a.ResourceType, a.ResourceId)).ToHashSet();

        var kept = new List<AuditEntry>();
        foreach (var entry in entries)
        {
            if (entry.Action == AuditActions.Read && entry.CorrelationId is not null
                && !recorded.Add((entry.ActorId, entry.CorrelationId, entry.ResourceType, entry.ResourceId)))
            {
                db.Entry(entry).State = EntityState.Detached;
                continue;
            }

            kept.Add(entry);
        }

        return kept;
    }
}

/// <summary>What one audit entry says was done: which record was read or written, about which young person, under which basis or purpose.</summary>
public sealed record Audited(string Action, string ResourceType, Guid ResourceId, Guid YoungPersonId, string? Basis)
{
    public static Audited Read(string resourceType, Guid resourceId, Guid youngPersonId, string? basis) =>
        new(AuditActions.Read, resourceType, resourceId, youngPersonId, basis);

    public static Audited Write(string resourceType, Guid resourceId, Guid youngPersonId, string basis) =>
        new(AuditActions.Write, resourceType, resourceId, youngPersonId, basis);
}
