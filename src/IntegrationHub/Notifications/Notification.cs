namespace IntegrationHub.Notifications;

/// <summary>
/// A message in a user's in-hub inbox, addressed to a person (their user id) or to everyone in a
/// role at a local authority (e.g. the team managers of one council). A notice to an agency's role is
/// addressed to one organisation of that agency, the one its leg was sent to: another organisation of the
/// same agency type never reads it.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public required string TenantId { get; init; }
    public string? UserId { get; init; }
    public string? Role { get; init; }

    /// <summary>For a notice to an agency's role: the organisation (its code in the agency directory) it is for.</summary>
    public string? Organisation { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public Guid? ReferralId { get; init; }
    public Guid? EscalationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When the e-mail copy was sent; null until then, so a failed send is tried again.</summary>
    public DateTimeOffset? EmailedAt { get; set; }
}
