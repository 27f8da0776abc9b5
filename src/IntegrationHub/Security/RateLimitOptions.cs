namespace IntegrationHub.Security;

/// <summary>How many requests one client may make in a window, for each kind of request that is limited.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit Api { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    public RateLimit Fhir { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Low: the sign-in page is the one place an anonymous client can try one credential after another.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    public IEnumerable<string> Validate()
    {
        foreach (var (name, limit) in new[] { (nameof(Api), Api), (nameof(Fhir), Fhir), (nameof(SignIn), SignIn) })
        {
            if (limit.PermitLimit < 1)
            {
                yield return $"{Section}:{name}:PermitLimit must be at least 1.";
            }

            if (limit.Window <= TimeSpan.Zero)
            {
                yield return $"{Section}:{name}:Window must be longer than zero.";
            }
        }
    }
}

public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
