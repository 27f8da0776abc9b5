namespace IntegrationHub.Contracts.V1;

/// <summary>The statutory pathway plan headings.</summary>
public static class PlanSectionCodes
{
    /// <summary>Where the young person lives and will live.</summary>
    public const string Accommodation = "accommodation";

    /// <summary>Physical, mental and sexual health.</summary>
    public const string Health = "health";

    /// <summary>Education, employment and training.</summary>
    public const string Eet = "eet";

    /// <summary>Money, benefits and budgeting.</summary>
    public const string Financial = "financial";

    /// <summary>Family and social relationships.</summary>
    public const string Relationships = "relationships";

    /// <summary>Practical and other skills for living independently.</summary>
    public const string PracticalSkills = "practical-skills";

    /// <summary>Emotional and behavioural development.</summary>
    public const string EmotionalBehavioural = "emotional-behavioural";

    /// <summary>Identity, culture and faith.</summary>
    public const string Identity = "identity";

    /// <summary>Contact with the youth or criminal justice system.</summary>
    public const string Justice = "justice";

    /// <summary>Immigration status and support.</summary>
    public const string Immigration = "immigration";

    /// <summary>What happens if the plan breaks down.</summary>
    public const string Contingency = "contingency";

    public static IReadOnlyList<string> All { get; } =
        [Accommodation, Health, Eet, Financial, Relationships, PracticalSkills, EmotionalBehavioural, Identity, Justice, Immigration, Contingency];
}
