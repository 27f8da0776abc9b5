namespace IntegrationHub.Adapters.Housing.Answers;

/// <summary>The Homelessness Reduction Act duties a housing authority can accept.</summary>
public static class HousingDuties
{
    /// <summary>Threatened with homelessness within 56 days: help to keep or find a home (Housing Act 1996 s.195).</summary>
    public const string Prevention = "prevention";

    /// <summary>Already homeless: help to secure accommodation (Housing Act 1996 s.189B).</summary>
    public const string Relief = "relief";

    public static IReadOnlyList<string> All { get; } = [Prevention, Relief];
}
