namespace IntegrationHub.Contracts.V1;

/// <summary>The UK GDPR Article 6 bases on which the hub shares a young person's data with an agency.</summary>
public static class LawfulBases
{
    /// <summary>The young person has consented (Article 6(1)(a)); the duty to refer needs it.</summary>
    public const string Consent = "consent";

    /// <summary>Sharing is needed to comply with a legal obligation (Article 6(1)(c)).</summary>
    public const string LegalObligation = "legal-obligation";

    /// <summary>Sharing is needed for a task in the public interest or in official authority (Article 6(1)(e)).</summary>
    public const string PublicTask = "public-task";

    /// <summary>Sharing is needed to protect someone's life (Article 6(1)(d)).</summary>
    public const string VitalInterests = "vital-interests";

    public static IReadOnlyList<string> All { get; } = [Consent, LegalObligation, PublicTask, VitalInterests];
}
