using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Auditing;

/// <summary>
/// Recomputes a local authority's audit chain from its first entry and names the first that does not hold. Entries committed
/// and not yet linked are linked first, so the verification vouches for every entry committed before it began.
/// </summary>
public sealed class AuditVerifier(HubDbContext db, AuditChainLinker linker)
{
    public async Task<AuditVerification> VerifyAsync(string tenantId, CancellationToken cancellationToken)
    {
        await linker.LinkAsync(tenantId, cancellationToken);
        var unchained = await db.Audit.CountAsync(a => a.TenantId == tenantId && a.Sequence == 0, cancellationToken);
        var entries = db.Audit.AsNoTracking().Where(a => a.TenantId == tenantId && a.Sequence > 0).OrderBy(a => a.Sequence).AsAsyncEnumerable();
        var (expected, previous) = (1L, AuditChain.Genesis);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var problem = entry.Sequence != expected ? $"Entry {expected} is missing: the chain goes from entry {expected - 1} to entry {entry.Sequence}."
                : entry.PreviousHash != previous ? $"Entry {entry.Sequence} does not follow entry {expected - 1}: its link to it was changed."
                : AuditChain.HashOf(entry) != entry.Hash ? $"Entry {entry.Sequence} was changed after it was written."
                : null;
            if (problem is not null)
            {
                var breakAt = entry.Sequence != expected ? new AuditBreak(expected, null, problem) : new AuditBreak(expected, entry.Id, problem);
                return new AuditVerification(tenantId, false, expected - 1, unchained, null, null, breakAt);
            }

            (expected, previous) = (expected + 1, entry.Hash);
        }

        return new AuditVerification(tenantId, true, expected - 1, unchained, expected - 1, previous, null);
    }
}

/// <param name="Intact">Every entry is where it was written, as it was written.</param>
/// <param name="EntriesVerified">Entries found sound, from the first.</param>
/// <param name="UnchainedEntries">Entries written before the chain began, which it cannot vouch for.</param>
/// <param name="HeadSequence">The last entry's place: keep it with <paramref name="HeadHash"/>; a later verification with a lower one means entries were removed from the end.</param>
/// <param name="HeadHash">The last entry's hash, to record outside the hub.</param>
/// <param name="FirstBreak">The first entry that does not hold, when the chain is broken.</param>
public sealed record AuditVerification(
    string TenantId, bool Intact, long EntriesVerified, int UnchainedEntries, long? HeadSequence, string? HeadHash, AuditBreak? FirstBreak);

/// <param name="Sequence">The entry's place in the chain.</param>
/// <param name="EntryId">The entry's id; none when the entry is missing.</param>
public sealed record AuditBreak(long Sequence, Guid? EntryId, string Problem);
