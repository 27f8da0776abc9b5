namespace IntegrationHub.Contracts.V1;

/// <summary>
/// Whether the young person has at least two trusted adults in their life, recorded with the family and social
/// relationships section: the care review's relationships mission, which the corporate parenting board's scorecard counts.
/// </summary>
public static class TrustedAdultsAnswers
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string NotKnown = "not-known";

    public static IReadOnlyList<string> All { get; } = [Yes, No, NotKnown];

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [Yes] = "Yes, at least two trusted adults",
        [No] = "No, fewer than two",
        [NotKnown] = "Not known",
    };
}
