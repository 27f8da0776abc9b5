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
        }
    }

    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.ParkedAt == null
                && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
                && (m.LockedUntil == null || m.LockedUntil < now)
                && (m.SequenceKey == null || !db.Outbox.Any(earlier => earlier.SequenceKey == m.SequenceKey && earlier.SentAt == null && earlier.CreatedAt < m.CreatedAt)))
            .OrderBy(m => m.CreatedAt)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        outages.Back(DependencyFailures.Database);

        var sent = 0;
        foreach (var message in due)
        {
            if (!await ClaimAsync(db, message.Id, cancellationToken))
            {
                continue;
            }

            using var activity = StartDispatch(message);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                timeout.CancelAfter(options.Value.SendTimeout);
                await SendAsync(message, timeout.Token);
                await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                    cancellationToken);
                sent++;
                outages.Back(DependencyFailures.MessageBroker);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (timeout.IsCancellationRequested || DependencyFailures.Unavailable(ex) == DependencyFailures.MessageBroker))
            {
                // The broker is away, or did not confirm in time: no message's fault, so no attempt counts. Release this one, saying
                // why it waits, and stop the batch; the next poll tries again.
                activity?.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
                await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                        .SetProperty(m => m.LastError, Truncate($"Waiting for the message broker: {ex.GetBaseException().Message}", 2000)),
                    CancellationToken.None);
                outages.Report(DependencyFailures.MessageBroker, ex, Dispatcher);
                return sent;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                activity?.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
                await FailAsync(db, message, ex);
            }
        }

        return sent;
    }

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

    /// <summary>Leases the message from now, the moment it is taken, not from the start of the batch.</summary>
    async Task<bool> ClaimAsync(HubDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lockedUntil = now + options.Value.LockDuration;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
        return claimed == 1;
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
