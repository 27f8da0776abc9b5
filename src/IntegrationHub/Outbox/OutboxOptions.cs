using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many loops of each replica claim and send batches at once on PostgreSQL (SQLite has one): while one waits for
    /// the broker's confirms, another claims the next batch.
    /// </summary>
    [Range(1, 16)]
    public int DispatchLoops { get; set; } = 2;

    /// <summary>How long one dispatcher holds a message before another replica may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(60);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many times a message may fail for a reason of its own before it is parked for an operator. A broker that is
    /// away is no message's fault: it counts against none, and the outbox waits for it as one.
    /// </summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a sent message is kept (for tracing a delivery) before it is deleted: its body holds personal data.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a consumer remembers a message it handled. A redelivery later than this would be
    /// handled again, so keep it well beyond the broker's redelivery and error-queue replay times.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
