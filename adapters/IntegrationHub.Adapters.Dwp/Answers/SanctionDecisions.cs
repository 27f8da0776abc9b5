namespace IntegrationHub.Adapters.Dwp.Answers;

/// <summary>The Jobcentre's decisions on a proposed sanction.</summary>
public static class SanctionDecisions
{
    /// <summary>The sanction is applied.</summary>
    public const string Applied = "applied";

    /// <summary>The sanction is not applied.</summary>
    public const string NotApplied = "not-applied";

    public static IReadOnlyList<string> All { get; } = [Applied, NotApplied];
}
