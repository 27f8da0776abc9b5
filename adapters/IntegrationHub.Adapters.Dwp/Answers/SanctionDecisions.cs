namespace IntegrationHub.Adapters.Dwp.Answers;

public static class SanctionDecisions
{
    public const string Applied = "applied";
    public const string NotApplied = "not-applied";

    public static IReadOnlyList<string> All { get; } = [Applied, NotApplied];
}
