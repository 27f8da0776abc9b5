using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntegrationHub.Auditing;

/// <summary>How an audit entry is bound to the one before it.</summary>
public static class AuditChain
{
    /// <summary>What the first entry of a chain follows.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 over the previous hash and every field, written as a JSON array so that no two
    /// different entries can give the same text. The organisation, recorded since agency callers were
    /// told apart by organisation, ends the array when there is one: an entry without one (a Personal
    /// Adviser's, or any written before) hashes exactly as it always did, so the chains already written
    /// still verify, and an organisation added to or removed from an entry changes its hash.
    /// </summary>
    public static string HashOf(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize<string?[]>(
            entry.Organisation is null ? Fields(entry) : [.. Fields(entry), entry.Organisation]))));

    static string?[] Fields(AuditEntry entry) =>
        [
            entry.PreviousHash,
            entry.Sequence?.ToString(CultureInfo.InvariantCulture),
            entry.Id.ToString(),
            entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            entry.ActorId,
            entry.ActorRole,
            entry.TenantId,
            entry.Agency,
            entry.Action,
            entry.ResourceType,
            entry.ResourceId,
            entry.YoungPersonId?.ToString(),
            entry.Basis,
            entry.CorrelationId,
        ];

    /// <summary>
    /// Ids for entries recorded together at one time, in the order they were recorded: version 7 (the time, then random bits),
    /// sorted as both databases sort them (their text, byte by byte). Entries wait to be linked in order of time, then id
    /// (<see cref="AuditChainLinker"/>), so those of one action take their places in the order the action recorded them.
    /// </summary>
    public static IEnumerable<Guid> IdsInOrder(DateTimeOffset at, int count) =>
        Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7(at)).OrderBy(id => id.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// The time as both databases keep it (SQLite to a tenth of a millisecond, PostgreSQL to the
    /// microsecond): cut before it is hashed, so it reads back exactly as it was hashed.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 1000), TimeSpan.Zero);
}
