using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// How long a repeat waits for the first request with its key to finish before it is answered 409 "still in progress"
    /// with a Retry-After.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WaitForFirst { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a key and its first response are kept, so that a repeat gets the first response. The response holds
    /// personal data, so it is deleted after this (by the <see cref="Outbox.OutboxPurger"/>); a repeat later than this is a new request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
