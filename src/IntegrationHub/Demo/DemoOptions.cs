namespace IntegrationHub.Demo;

/// <summary>
/// Demo data and stand-in agencies for a first look at the hub. Refused outside the Development
/// and Testing environments and without local tokens.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    public string TenantId { get; set; } = "demo-council";

    /// <summary>
    /// An area outside the demo council (one of <c>AgencyDirectory:Areas</c>) where one demo young person
    /// lives, so that their referral goes to that area's organisations and only those see it; none when null.
    /// </summary>
    public string? OutOfArea { get; set; }

    /// <summary>How long a stand-in agency takes over each answer.</summary>
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.FromSeconds(3);
}
