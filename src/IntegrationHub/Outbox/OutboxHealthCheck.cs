using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Outbox;

/// <summary>How long an outbox message may wait to be sent before readiness says so (<c>Health:Outbox</c>).</summary>
public sealed class OutboxHealthOptions : IValidatableObject
{
    public const string Section = "Health:Outbox";

    /// <summary>Readiness is Degraded once the oldest unsent message has waited longer: still served, but someone should look.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OldestUnsentWarning { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Readiness is Unhealthy (503) once the oldest unsent message has waited longer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan OldestUnsentCritical { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OldestUnsentCritical <= OldestUnsentWarning)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(OldestUnsentCritical)} ({OldestUnsentCritical}) must be longer than {Section}:{nameof(OldestUnsentWarning)} ({OldestUnsentWarning}).",
                [nameof(OldestUnsentCritical)]);
        }
    }
}

/// <summary>
/// Readiness of the outbox: a message that waits long to be sent means referrals and answers are held back
/// (the broker refuses them, or no dispatcher runs), though the hub still takes requests. Degraded past the
/// warning keeps the hub in the load balancer, since it still accepts and stores work safely; Unhealthy past
/// the critical age answers 503, taking it out: work it took now would wait at least as long.
/// </summary>
sealed class OutboxHealthCheck(OutboxBacklog backlog, IOptions<OutboxHealthOptions> options) : IHealthCheck
{
    public const string Name = "outbox";

    const string HeldBack = "Referrals, cancellations and answers are held back until it takes them: the outbox dispatcher's log says why they were not sent.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (unsent, wait, parked) = await backlog.ReadAsync(cancellationToken);
        var limits = options.Value;
        var waiting = unsent == 0
            ? "Every outbox message not parked has been sent to the message broker"
            : $"{Messages(unsent)} not sent to the message broker yet; the oldest has waited {Duration(wait)}";
        if (wait > limits.OldestUnsentCritical)
        {
            return HealthCheckResult.Unhealthy(
                $"{waiting}, longer than the {Duration(limits.OldestUnsentCritical)} allowed ({OutboxHealthOptions.Section}:{nameof(OutboxHealthOptions.OldestUnsentCritical)}). {HeldBack}{ParkedNote(parked)}");
        }

        if (wait > limits.OldestUnsentWarning)
        {
            return HealthCheckResult.Degraded(
                $"{waiting}, longer than the {Duration(limits.OldestUnsentWarning)} expected ({OutboxHealthOptions.Section}:{nameof(OutboxHealthOptions.OldestUnsentWarning)}). {HeldBack}{ParkedNote(parked)}");
        }

        // A parked message will never be sent by itself: the hub still serves, but an operator must look.
        return parked > 0
            ? HealthCheckResult.Degraded($"{waiting}.{ParkedNote(parked)}")
            : HealthCheckResult.Healthy($"{waiting}.");
    }

    static string ParkedNote(int parked) => parked switch
    {
        0 => "",
        1 => " 1 outbox message is parked after failing every attempt: an operator should look at GET /api/operations/outbox/parked and replay it.",
        _ => $" {parked} outbox messages are parked after failing every attempt: an operator should look at GET /api/operations/outbox/parked and replay them.",
    };

    static string Messages(int count) => count == 1 ? "1 outbox message is" : $"{count} outbox messages are";

    static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 2 } => Count((int)span.TotalSeconds, "second"),
        { TotalHours: < 2 } => Count((int)span.TotalMinutes, "minute"),
        { TotalDays: < 2 } => Count((int)span.TotalHours, "hour"),
        _ => Count((int)span.TotalDays, "day"),
    };

    static string Count(int count, string unit) => string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
}
