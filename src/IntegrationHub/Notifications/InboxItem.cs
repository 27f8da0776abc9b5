namespace IntegrationHub.Notifications;

public sealed record InboxItem(
    Guid Id, string Subject, string Body, Guid? ReferralId, Guid? EscalationId, DateTimeOffset CreatedAt, bool Read, DateTimeOffset? ReadAt)
{
    public static InboxItem From(Notification n) => new(n.Id, n.Subject, n.Body, n.ReferralId, n.EscalationId, n.CreatedAt, n.ReadAt is not null, n.ReadAt);
}
