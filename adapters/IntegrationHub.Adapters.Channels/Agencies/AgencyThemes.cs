namespace IntegrationHub.Adapters.Channels.Agencies;

/// <summary>
/// The Corporate Parenting Board's themes, each with its champion: where an agency's escalations
/// go at level 3, and how the board groups its figures.
/// </summary>
public static class AgencyThemes
{
    public const string Housing = "housing";

    /// <summary>Health and adult services: the NHS and adult social care.</summary>
    public const string Health = "health";

    public const string Eet = "eet";
    public const string Justice = "justice";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [Housing] = "Housing",
        [Health] = "Health and adult services",
        [Eet] = "Education, employment and training",
        [Justice] = "Justice",
    };

    public static IReadOnlyList<string> All { get; } = [.. Names.Keys];
}
