namespace IntegrationHub.Adapters.Housing.Referrals;

/// <summary>
/// Support needs as the national homelessness case-level data collection (H-CLIC) lists them, as
/// kebab-case codes. Only what the sections shared with housing support is derived (see
/// <see cref="DutyToReferTranslator"/>): the age-based young person or care leaver need, and the
/// need for support to manage independently. The others are here so the housing authority and the
/// hub agree on their spelling; they need sections housing is not given (health, EET, justice,
/// immigration, relationships) or facts no pathway plan section states reliably.
/// </summary>
public static class SupportNeedCodes
{
    /// <summary>Young person aged 16-17 years.</summary>
    public const string YoungPerson16To17 = "young-person-16-17";

    /// <summary>Care leaver aged 18-20 years.</summary>
    public const string CareLeaver18To20 = "care-leaver-18-20";

    /// <summary>Care leaver aged 21+ years.</summary>
    public const string CareLeaver21Plus = "care-leaver-21-plus";

    /// <summary>Young person aged 18-25 years requiring support to manage independently.</summary>
    public const string YoungPersonSupportToManageIndependently = "young-person-18-25-support-to-manage-independently";

    /// <summary>Young parent requiring support to manage independently.</summary>
    public const string YoungParent = "young-parent-support-to-manage-independently";

    /// <summary>History of mental health problems.</summary>
    public const string MentalHealth = "mental-health";

    /// <summary>Physical ill health and disability.</summary>
    public const string PhysicalIllHealth = "physical-ill-health";

    /// <summary>Learning disability.</summary>
    public const string LearningDisability = "learning-disability";

    /// <summary>Offending history.</summary>
    public const string OffendingHistory = "offending-history";

    /// <summary>Access to education, employment or training.</summary>
    public const string AccessToEet = "access-to-education-employment-training";

    /// <summary>Drug dependency needs.</summary>
    public const string DrugDependency = "drug-dependency";

    /// <summary>Alcohol dependency needs.</summary>
    public const string AlcoholDependency = "alcohol-dependency";

    /// <summary>At risk of / has experienced domestic abuse.</summary>
    public const string DomesticAbuse = "domestic-abuse";

    /// <summary>At risk of / has experienced abuse (non-domestic abuse).</summary>
    public const string NonDomesticAbuse = "non-domestic-abuse";

    /// <summary>At risk of / has experienced sexual abuse or exploitation.</summary>
    public const string SexualAbuseOrExploitation = "sexual-abuse-or-exploitation";

    /// <summary>History of repeat homelessness.</summary>
    public const string RepeatHomelessness = "repeat-homelessness";

    /// <summary>History of rough sleeping.</summary>
    public const string RoughSleeping = "rough-sleeping";

    /// <summary>Former asylum seeker.</summary>
    public const string FormerAsylumSeeker = "former-asylum-seeker";

    /// <summary>Served in HM Forces.</summary>
    public const string ServedInArmedForces = "served-in-hm-forces";

    /// <summary>Old age.</summary>
    public const string OldAge = "old-age";

    public static IReadOnlyList<string> All { get; } =
    [
        YoungPerson16To17, CareLeaver18To20, CareLeaver21Plus, YoungPersonSupportToManageIndependently, YoungParent,
        MentalHealth, PhysicalIllHealth, LearningDisability, OffendingHistory, AccessToEet, DrugDependency, AlcoholDependency,
        DomesticAbuse, NonDomesticAbuse, SexualAbuseOrExploitation, RepeatHomelessness, RoughSleeping, FormerAsylumSeeker,
        ServedInArmedForces, OldAge,
    ];
}
