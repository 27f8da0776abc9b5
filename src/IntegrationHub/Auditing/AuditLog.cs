using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Auditing;

/// <summary>
/// Records every read and every write of a young person's personal data; once committed, each entry is chained to
/// the local authority's entries before it (<see cref="AuditChainLinker"/>). A read's entry is saved before the data
/// is returned: if it cannot be written, the read fails. A write's entry is saved with the write, in one transaction:
/// a write the audit cannot record is not made.
/// </summary>
/// <remarks>
/// One entry per user action, not per request: a read that the same person already made of the same record
/// under the same correlation id, less than <see cref="SameActionWithin"/> ago, is that action going on (a page
/// region refreshing itself sends the correlation id of the page that showed it) and is not recorded again.
/// Only the caller's own earlier read is matched, so a correlation id borrowed from someone else hides nothing.
/// </remarks>
public sealed class AuditLog(HubDbContext db, CorrelationContext correlation, TimeProvider clock, AuditChainSignal chain)
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
        var recorded = entries.ToList();
        foreach (var (entry, id) in recorded.Zip(AuditChain.IdsInOrder(at, recorded.Count)))
        {
            db.Audit.Add(new AuditEntry
            {
                Id = id,
                At = at,
                ActorId = user.Id,
                ActorRole = user.Role,
                TenantId = user.TenantId,
                Agency = user.Agency,
                Organisation = user.Organisation,
                Action = entry.Action,
                ResourceType = entry.ResourceType,
                ResourceId = entry.ResourceId.ToString(),
                YoungPersonId = entry.YoungPersonId,
                Basis = entry.Basis,
                CorrelationId = correlation.Id,
            });
        }

        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the new entries, in the unit of work's transaction when it has one. They are linked into their local authority's
    /// chain after they commit (<see cref="AuditChainLinker"/>), so that writes do not wait in turn for the chain's head:
    /// a write made together with its entry is not held up by every other write of the council.
    /// A person's repeated reads are left out under a lock on that person's reads, so two refreshes at once cannot both be
    /// recorded (PostgreSQL takes an advisory lock; SQLite's write transaction already admits one writer at a time).
    /// </summary>
    async Task SaveAsync(CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var readers = added.Where(IsRepeatable).Select(e => (e.TenantId, e.ActorId)).Distinct()
            .OrderBy(r => r.TenantId, StringComparer.Ordinal).ThenBy(r => r.ActorId, StringComparer.Ordinal).ToList();
        await using var transaction = readers.Count > 0 && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        foreach (var (tenantId, actorId) in readers)
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({$"audit-reads:{tenantId}:{actorId}"}))", cancellationToken);
            }

            await LeaveOutRepeatedReadsAsync(tenantId, actorId, added.Where(e => e.TenantId == tenantId && e.ActorId == actorId).ToList(), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else if (db.Database.CurrentTransaction is null)
        {
            // Committed by the save itself: WakeOnCommit wakes the linker only for a transaction's commit.
            chain.Notify();
        }
    }

    /// <summary>A read recorded under a correlation id: one that a refresh of the same page may repeat.</summary>
    static bool IsRepeatable(AuditEntry entry) => entry.Action == AuditActions.Read && entry.CorrelationId is not null;

    /// <summary>
    /// Drops each of the person's reads that they already made of the same record under the same correlation id less than
    /// <see cref="SameActionWithin"/> ago, or earlier in this same batch.
    /// </summary>
    async Task LeaveOutRepeatedReadsAsync(string? tenantId, string actorId, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var reads = entries.Where(IsRepeatable).ToList();
        var correlationIds = reads.Select(e => e.CorrelationId).Distinct().ToList();
        var since = reads.Min(e => e.At) - SameActionWithin;
        var earlier = await db.Audit
            .Where(a => a.TenantId == tenantId && a.ActorId == actorId && a.Action == AuditActions.Read
                && correlationIds.Contains(a.CorrelationId) && a.At >= since)
            .Select(a => new { a.CorrelationId, a.ResourceType, a.ResourceId })
            .ToListAsync(cancellationToken);
        var recorded = earlier.Select(a => (a.CorrelationId, a.ResourceType, a.ResourceId)).ToHashSet();
        foreach (var read in reads)
        {
            if (!recorded.Add((read.CorrelationId, read.ResourceType, read.ResourceId)))
            {
                db.Entry(read).State = EntityState.Detached;
            }
        }
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
