using System.Diagnostics;
using System.Text.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;
using IntegrationHub.Persistence;
using IntegrationHub.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Outbox;

/// <summary>
/// Publishes committed outbox messages to the bus and marks them sent. Each message is claimed with a lease
/// from the moment it is taken, so several replicas never send the same message at once. While the broker is
/// away the whole outbox waits, trying again every poll, and sends within seconds of its return: the outage
/// is one fault, not a growing delay on each message. A message that fails for a reason of its own is retried
/// with growing delays and, after <see cref="OutboxOptions.MaxAttempts"/>, parked for an operator: none is dropped.
/// Messages of one sequence (<see cref="OutboxMessage.SequenceKey"/>, a leg's) are sent in the order written, on every replica.
/// Each dispatch is a span in the trace of the operation that wrote the message, so the request that
/// made a referral and the delivery of its legs are one trace; MassTransit's send span is its child.
/// </summary>
sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    QueueAddresses queues,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    DependencyOutages outages,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    const string Dispatcher = "the outbox dispatcher";

    static readonly ActivitySource Telemetry = new(HubTelemetry.Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite takes one writer at a time: a second loop would only queue behind the first.
        await using var scope = scopes.CreateAsyncScope();
        var loops = scope.ServiceProvider.GetRequiredService<HubDbContext>().Database.IsNpgsql() ? options.Value.DispatchLoops : 1;
        await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => DispatchLoopAsync(stoppingToken)));
    }

    async Task DispatchLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int dispatched;
            try
            {
                dispatched = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (outages.Met(ex, Dispatcher) is null)
                {
                    logger.LogError(ex, "Outbox dispatch failed; will try again");
                }

                dispatched = 0;
            }

            if (dispatched < options.Value.BatchSize)
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            else
            {
                // More may be waiting: wake another loop to claim the next batch while this one sends.
                signal.Notify();
            }
        }
    }

    /// <summary>
    /// Claims a batch in one statement, sends it all at once (each send awaits the broker's confirm) and marks what was
    /// confirmed sent in one statement. A batch holds at most one message of a sequence (a later one waits for the earlier
    /// to be sent), so sending a batch concurrently keeps every leg's order.
    /// </summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var batch = await ClaimBatchAsync(db, cancellationToken);
        outages.Back(DependencyFailures.Database);
        if (batch.Count == 0)
        {
            return 0;
        }

        var results = await Task.WhenAll(batch.Select(message => DispatchAsync(message, cancellationToken)));

        var sent = batch.Where((_, i) => results[i] is null).Select(m => m.Id).ToList();
        if (sent.Count > 0)
        {
            await db.Outbox.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                CancellationToken.None);
            outages.Back(DependencyFailures.MessageBroker);
        }

        var waiting = batch.Select((m, i) => (Message: m, Failure: results[i])).Where(r => r.Failure is { BrokerAway: true }).ToList();
        if (waiting.Count > 0)
        {
            // The broker is away, or did not confirm in time: no message's fault, so no attempt counts. Release them, saying
            // why they wait; the next poll tries again.
            var ids = waiting.Select(w => w.Message.Id).ToList();
            var reason = Truncate($"Waiting for the message broker: {waiting[0].Failure!.Exception.GetBaseException().Message}", 2000);
            await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, reason),
                CancellationToken.None);
            outages.Report(DependencyFailures.MessageBroker, waiting[0].Failure!.Exception, Dispatcher);
        }

        foreach (var (message, failure) in batch.Select((m, i) => (m, results[i])).Where(r => r.Item2 is { BrokerAway: false }))
        {
            await FailAsync(db, message, failure!.Exception);
        }

        return sent.Count;
    }

    sealed record SendFailure(Exception Exception, bool BrokerAway);

    /// <summary>Sends one claimed message in its own span; null when the broker confirmed it.</summary>
    async Task<SendFailure?> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = StartDispatch(message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            timeout.CancelAfter(options.Value.SendTimeout);
            await SendAsync(message, timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
            return new SendFailure(ex, timeout.IsCancellationRequested || DependencyFailures.Unavailable(ex) == DependencyFailures.MessageBroker);
        }
    }

    /// <summary>
    /// Leases the oldest due messages from now, the moment they are taken, in one statement. On PostgreSQL several loops
    /// and replicas claim at once, each skipping the rows another is claiming; SQLite has one writer at a time.
    /// </summary>
    async Task<List<OutboxMessage>> ClaimBatchAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now + options.Value.LockDuration;
        var size = options.Value.BatchSize;
        if (db.Database.IsNpgsql())
        {
            return await db.Outbox.FromSql($"""
                UPDATE outbox_messages SET "LockedUntil" = {lease}
                WHERE "Id" IN (
                    SELECT m."Id" FROM outbox_messages m
                    WHERE m."SentAt" IS NULL AND m."ParkedAt" IS NULL
                      AND (m."NextAttemptAt" IS NULL OR m."NextAttemptAt" <= {now})
                      AND (m."LockedUntil" IS NULL OR m."LockedUntil" < {now})
                      AND (m."SequenceKey" IS NULL OR NOT EXISTS (
                          SELECT 1 FROM outbox_messages earlier
                          WHERE earlier."SequenceKey" = m."SequenceKey" AND earlier."SentAt" IS NULL AND earlier."CreatedAt" < m."CreatedAt"))
                    ORDER BY m."CreatedAt"
                    LIMIT {size}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
        }

        var due = await Due(db, now).OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(size).ToListAsync(cancellationToken);
        await Due(db, now).Where(m => due.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease), cancellationToken);
        return await db.Outbox.AsNoTracking().Where(m => due.Contains(m.Id) && m.LockedUntil == lease).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
    }

    static IQueryable<OutboxMessage> Due(HubDbContext db, DateTimeOffset now) => db.Outbox.Where(m => m.SentAt == null && m.ParkedAt == null
        && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
        && (m.LockedUntil == null || m.LockedUntil < now)
        && (m.SequenceKey == null || !db.Outbox.Any(earlier => earlier.SequenceKey == m.SequenceKey && earlier.SentAt == null && earlier.CreatedAt < m.CreatedAt)));

    /// <summary>
    /// The dispatch span, child of the span that was current when the message was written (its stored
    /// <c>traceparent</c>), or a trace of its own when none was.
    /// </summary>
    static Activity? StartDispatch(OutboxMessage message)
    {
        var writer = ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parsed) ? parsed : default;
        var activity = Telemetry.StartActivity("outbox dispatch", ActivityKind.Internal, writer);
        activity?.SetTag("messaging.message.id", message.Id.ToString())
            .SetTag("messaging.destination.name", message.Destination)
            .SetTag("hub.outbox.message_type", message.MessageType)
            .SetTag("hub.outbox.attempt", message.Attempts + 1)
            .SetTag(HubTelemetry.CorrelationIdAttribute, message.CorrelationId);
        return activity;
    }

    /// <summary>Counts a failure of the message's own: tried again later with a growing delay, or parked once it has had its attempts.</summary>
    async Task FailAsync(HubDbContext db, OutboxMessage message, Exception ex)
    {
        var attempts = message.Attempts + 1;
        var now = clock.GetUtcNow();
        if (attempts >= options.Value.MaxAttempts)
        {
            logger.LogError(ex, "Outbox message {MessageId} ({MessageType}) failed {Attempts} times and is parked for an operator",
                message.Id, message.MessageType, attempts);
            await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.ParkedAt, now)
                    .SetProperty(m => m.LastError, Truncate(ex.Message, 2000))
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                CancellationToken.None);
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), options.Value.MaxRetryDelay.TotalSeconds));
        logger.LogWarning(ex, "Outbox message {MessageId} ({MessageType}) not sent on attempt {Attempt}; next try in {Delay}",
            message.Id, message.MessageType, attempts, delay);
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + delay)
                .SetProperty(m => m.LastError, Truncate(ex.Message, 2000))
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
            CancellationToken.None);
    }

    async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // Only the public contracts can come out of the outbox: never an arbitrary type name.
        var type = typeof(LegRequested).Assembly.GetType(message.MessageType)
            ?? throw new InvalidOperationException($"Outbox message type '{message.MessageType}' is not a contract.");
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxMessage.Json)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty body.");

        void Stamp(SendContext context)
        {
            // The outbox id is the message id, so a resend after a lost acknowledgement is recognisably the same message.
            context.MessageId = message.Id;
            if (message.CorrelationId is not null)
            {
                context.Headers.Set(CorrelationContext.Header, message.CorrelationId);
            }
        }

        if (message.Destination is null)
        {
            await bus.Publish(body, type, Pipe.Execute<PublishContext>(Stamp), cancellationToken);
        }
        else
        {
            var endpoint = await bus.GetSendEndpoint(await queues.ForAsync(message.Destination, cancellationToken));
            await endpoint.Send(body, type, Pipe.Execute<SendContext>(Stamp), cancellationToken);
        }
    }

    static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
