namespace IntegrationHub.Outbox;

/// <summary>A message a consumer has already handled, so that a redelivery has no second effect.</summary>
public sealed class InboxEntry
{
    public required string Consumer { get; init; }
    public Guid MessageKey { get; init; }
    public DateTimeOffset HandledAt { get; init; }
}
