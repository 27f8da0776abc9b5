namespace IntegrationHub.Contracts.V1;

/// <summary>The statutory pathway plan headings.</summary>
public static class PlanSectionCodes
{
    public const string Accommodation = "accommodation";
    public const string Health = "health";
    public const string Eet = "eet";
    public const string Financial = "financial";
    public const string Relationships = "relationships";
    public const string PracticalSkills = "practical-skills";
    public const string EmotionalBehavioural = "emotional-behavioural";
    public const string Identity = "identity";
    public const string Justice = "justice";
    public const string Immigration = "immigration";
    public const string Contingency = "contingency";

    public static IReadOnlyList<string> All { get; } =
        [Accommodation, Health, Eet, Financial, Relationships, PracticalSkills, EmotionalBehavioural, Identity, Justice, Immigration, Contingency];
}
