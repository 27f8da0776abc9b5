using System.Collections.Concurrent;
using System.Globalization;

namespace IntegrationHub.ServiceDefaults;

/// <summary>
/// Speaks of a dependency's outage (the database, the message broker) once per <see cref="ReportInterval"/>, however
/// many requests, consumers and background loops meet it, and once more when it is back: an outage of a minute is
/// a handful of log lines saying what is away, since when and how often it was met, not one error per failed call.
/// </summary>
public sealed class DependencyOutages(TimeProvider clock, ILogger<DependencyOutages> logger)
{
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a caller turned away while a dependency is out of reach is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>Answers the request 503 with <c>Retry-After</c>: the hub is there, what it depends on is not, for now.</summary>
    public static void TurnAway(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture);
    }

    readonly ConcurrentDictionary<string, Outage> outages = new();

    /// <summary>
    /// Notes the failure if it says a dependency is out of reach, and returns that dependency (null for any other
    /// failure, which the caller reports as its own).
    /// </summary>
    /// <param name="where">What met the outage, e.g. "the outbox dispatcher" or "GET /api/referrals/{id}".</param>
    public string? Met(Exception exception, string where)
    {
        if (DependencyFailures.Unavailable(exception) is not { } dependency)
        {
            return null;
        }

        Report(dependency, exception, where);
        return dependency;
    }

    /// <summary>Notes a failure the caller knows to be the dependency's, e.g. a broker that did not confirm in time.</summary>
    public void Report(string dependency, Exception exception, string where)
    {
        var now = clock.GetUtcNow();
        var outage = outages.GetOrAdd(dependency, _ => new Outage(now));
        if (outage.ShouldReport(now))
        {
            logger.LogWarning("The {Dependency} is out of reach, since {Since}, met {Times} times; last by {Where}: {Reason}",
                dependency, outage.Since, outage.Times, where, exception.GetBaseException().Message);
        }
    }

    /// <summary>Logs a failed pass of a background loop: as an outage when a dependency is away, else as an error of the loop's own.</summary>
    /// <param name="pass">The pass that failed, as a log names it, e.g. "The escalation pass".</param>
    public void PassFailed(ILogger loopLogger, Exception exception, string pass)
    {
        if (Met(exception, pass) is null)
        {
            loopLogger.LogError(exception, "{Pass} failed; the next one will try again", pass);
        }
    }

    /// <summary>Says the dependency is back, once, if an outage of it was met.</summary>
    public void Back(string dependency)
    {
        if (outages.TryRemove(dependency, out var outage))
        {
            logger.LogInformation("The {Dependency} is back after {Outage}, met {Times} times while away", dependency, clock.GetUtcNow() - outage.Since, outage.Times);
        }
    }

    sealed class Outage(DateTimeOffset since)
    {
        readonly Lock gate = new();
        DateTimeOffset? lastReport;

        public DateTimeOffset Since { get; } = since;

        public int Times { get; private set; }

        public bool ShouldReport(DateTimeOffset now)
        {
            lock (gate)
            {
                Times++;
                if (lastReport is { } last && now - last < ReportInterval)
                {
                    return false;
                }

                lastReport = now;
                return true;
            }
        }
    }
}
