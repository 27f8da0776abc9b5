using System.Diagnostics;
using System.Text.Json;

namespace IntegrationHub.Outbox;

/// <summary>
/// A message waiting to go to the bus. It is written in the same transaction as the data it
/// speaks of, so a message exists if and only if its change was committed.
/// </summary>
public sealed class OutboxMessage
{
    const int MaxTraceState = 512;

    public Guid Id { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }

    /// <summary>The queue to send to, or null to publish to every subscriber.</summary>
    public string? Destination { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>
    /// Messages of one sequence (a leg's: its request, then its cancellation) are sent in the order they were written: one not
    /// yet sent, waiting for its next attempt or parked, holds back the later ones. Null for a message that follows no other.
    /// </summary>
    public string? SequenceKey { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the operation that wrote the message (the referral's request, a consumer),
    /// so that its dispatch, later and in another activity, continues that trace; null when none was traced.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>The W3C <c>tracestate</c> that goes with <see cref="TraceParent"/>, if the trace has one of at most 512 characters.</summary>
    public string? TraceState { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// Set when the message failed <see cref="OutboxOptions.MaxAttempts"/> times for a reason of its own (not the broker's
    /// absence): it is no longer tried, and waits, with <see cref="LastError"/>, for an operator to replay it.
    /// </summary>
    public DateTimeOffset? ParkedAt { get; set; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage For<T>(T message, string? destination, string? correlationId, DateTimeOffset now, string? sequenceKey = null)
        where T : class => new()
        {
            Id = Guid.NewGuid(),
            MessageType = typeof(T).FullName!,
            Body = JsonSerializer.Serialize(message, Json),
            Destination = destination,
            CorrelationId = correlationId,
            SequenceKey = sequenceKey,
            TraceParent = TraceParentOf(Activity.Current),
            TraceState = TraceStateOf(Activity.Current),
            CreatedAt = now,
        };

    // Only a W3C id is a traceparent; the hierarchical ids of old clients are not carried over.
    static string? TraceParentOf(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;

    // A caller may send any tracestate; W3C asks only the first 512 characters be kept, and a
    // longer one is dropped whole rather than cut through an entry.
    static string? TraceStateOf(Activity? activity) =>
        activity?.TraceStateString is { Length: <= MaxTraceState } state ? state : null;
}
