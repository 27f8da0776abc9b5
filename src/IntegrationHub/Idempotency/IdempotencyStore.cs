using System.Globalization;
using IntegrationHub.Auditing;
using IntegrationHub.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IntegrationHub.Idempotency;

/// <summary>Where a key is unique: one caller's requests to one endpoint.</summary>
public sealed record KeyScope(string TenantId, string Caller, string Method, string Route, string Key);

/// <summary>What became of an attempt to claim a key for a request.</summary>
public abstract record KeyClaim
{
    KeyClaim()
    {
    }

    /// <summary>The key is this request's, in the unit of work's transaction: what the request saves commits with it.</summary>
    public sealed record Claimed(IDbContextTransaction Transaction) : KeyClaim;

    /// <summary>Another request with the key committed first: its response is there to give.</summary>
    public sealed record Taken : KeyClaim;

    /// <summary>Another request with the key is still running after <see cref="IdempotencyOptions.WaitForFirst"/>.</summary>
    public sealed record StillInProgress : KeyClaim;
}

/// <summary>
/// The requests made under idempotency keys, kept in the request's own unit of work (the scoped <see cref="HubDbContext"/>
/// its endpoint saves with). A key is claimed by writing it in a transaction begun before the endpoint runs, and is
/// committed in that transaction with everything the endpoint saved and the response to give a repeat: after a crash at
/// any point either all of them are there or none is. A second request with the key writes the same row, so the database
/// makes it wait for the first's transaction (PostgreSQL on the row's unique key, SQLite on its one writer) and then refuses
/// it: it finds the first's response instead.
/// </summary>
public sealed class IdempotencyStore(HubDbContext db, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    /// <summary>The headers of a kept response that a repeat gets too: what it is, where what it made is, and whether it may be stored.</summary>
    public static readonly IReadOnlyList<string> ReplayedHeaders = [HeaderNames.ContentType, HeaderNames.Location, HeaderNames.CacheControl];

    public Task<IdempotencyKey?> FindAsync(KeyScope scope, CancellationToken cancellationToken) =>
        Matching(scope).AsNoTracking().SingleOrDefaultAsync(cancellationToken);

    public async Task<KeyClaim> ClaimAsync(KeyScope scope, string requestHash, CancellationToken cancellationToken)
    {
        IDbContextTransaction transaction;
        try
        {
            transaction = await BeginWaitingAsync(cancellationToken);
        }
        catch (Exception ex) when (DbErrors.IsLockTimeout(ex))
        {
            return new KeyClaim.StillInProgress();
        }

        try
        {
            await WriteKeyAsync(scope, requestHash, cancellationToken);
            return new KeyClaim.Claimed(transaction);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await transaction.DisposeAsync();
            return new KeyClaim.Taken();
        }
        catch (Exception ex) when (DbErrors.IsLockTimeout(ex))
        {
            await transaction.DisposeAsync();
            return new KeyClaim.StillInProgress();
        }
    }

    /// <summary>
    /// Writes the key's row, its response still to come. On PostgreSQL the insert waits for another request's uncommitted
    /// row with the key under <c>lock_timeout</c>, set for it and back to its default in the same round trip; SQLite's
    /// wait was bounded when its write transaction began.
    /// </summary>
    async Task WriteKeyAsync(KeyScope scope, string requestHash, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        if (db.Database.IsNpgsql())
        {
            // The row as the model maps it, with an empty response (status 0, no headers, no body, nothing disclosed): one
            // round trip where EF Core's insert would take three with the setting's two.
            var wait = ((int)options.Value.WaitForFirst.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync(
                $$"""
                SELECT set_config('lock_timeout', {{wait}}, true);
                INSERT INTO idempotency_keys ("TenantId", "Caller", "Method", "Route", "Key", "RequestHash", "At", "StatusCode", "Headers", "Body", "Disclosed")
                VALUES ({{scope.TenantId}}, {{scope.Caller}}, {{scope.Method}}, {{scope.Route}}, {{scope.Key}}, {{requestHash}}, {{at}}, 0, '{}', '', '[]');
                SET LOCAL lock_timeout TO DEFAULT
                """,
                cancellationToken);
            return;
        }

        var row = new IdempotencyKey
        {
            TenantId = scope.TenantId,
            Caller = scope.Caller,
            Method = scope.Method,
            Route = scope.Route,
            Key = scope.Key,
            RequestHash = requestHash,
            At = at,
        };
        db.IdempotencyKeys.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            // The endpoint's unit of work starts as it would without a key; the row is finished or deleted by its scope.
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Keeps the response for repeats, with the records it shows (those the request's audit entries name), and commits the
    /// request's work with it.
    /// </summary>
    public async Task KeepAsync(KeyScope scope, KeyClaim.Claimed claim, int status, Dictionary<string, string> headers, byte[] body)
    {
        List<Audited> disclosed = body.Length == 0 ? [] : Disclosed();
        await Matching(scope).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.StatusCode, status)
                .SetProperty(r => r.Headers, headers)
                .SetProperty(r => r.Body, body)
                .SetProperty(r => r.Disclosed, disclosed),
            CancellationToken.None);
        await claim.Transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>Lets the key go with a response that changed nothing, so that the request may be tried again with it; commits anything the request did save.</summary>
    public async Task ReleaseAsync(KeyScope scope, KeyClaim.Claimed claim)
    {
        await Matching(scope).ExecuteDeleteAsync(CancellationToken.None);
        await claim.Transaction.CommitAsync(CancellationToken.None);
    }

    IQueryable<IdempotencyKey> Matching(KeyScope scope) => db.IdempotencyKeys.Where(r =>
        r.TenantId == scope.TenantId && r.Caller == scope.Caller && r.Method == scope.Method && r.Route == scope.Route && r.Key == scope.Key);

    /// <summary>
    /// Begins the transaction that holds the key. SQLite's write transaction waits for the database's one writer, and so for
    /// another request with the same key, for <see cref="IdempotencyOptions.WaitForFirst"/> at most; PostgreSQL's waits in
    /// the key's insert (<see cref="WriteKeyAsync"/>).
    /// </summary>
    async Task<IDbContextTransaction> BeginWaitingAsync(CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
        {
            return await db.Database.BeginTransactionAsync(cancellationToken);
        }

        var timeout = sqlite.DefaultTimeout;
        sqlite.DefaultTimeout = (int)Math.Ceiling(options.Value.WaitForFirst.TotalSeconds);
        try
        {
            return await db.Database.BeginTransactionAsync(cancellationToken);
        }
        finally
        {
            sqlite.DefaultTimeout = timeout;
        }
    }

    /// <summary>What the request's audit entries name, as reads: a repeat of its response shows them again.</summary>
    List<Audited> Disclosed() =>
    [
        .. db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Unchanged && e.Entity.YoungPersonId is not null)
            .Select(e => Audited.Read(e.Entity.ResourceType, Guid.Parse(e.Entity.ResourceId), e.Entity.YoungPersonId!.Value, e.Entity.Basis))
            .Distinct(),
    ];
}
