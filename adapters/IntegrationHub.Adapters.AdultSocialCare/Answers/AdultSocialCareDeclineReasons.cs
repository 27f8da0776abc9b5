namespace IntegrationHub.Adapters.AdultSocialCare.Answers;

/// <summary>
/// Why adult social care declines a referral. <see cref="All"/> are the codes a declined update's
/// <c>reasonCode</c> takes; <see cref="NoEligibleNeeds"/> is the code a no-eligible-needs update declines with,
/// and is among the <see cref="Descriptions"/> the hub shows and a worker in the partner inbox chooses from.
/// </summary>
public static class AdultSocialCareDeclineReasons
{
    public const string NoEligibleNeeds = "no-eligible-needs";
    public const string NotOrdinarilyResident = "not-ordinarily-resident";
    public const string AlreadyKnownToAdultServices = "already-known-to-adult-services";
    public const string NoConsent = "no-consent";
    public const string Other = "other";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [NoEligibleNeeds] = "The needs assessment found no eligible care and support needs.",
        [NotOrdinarilyResident] = "Not ordinarily resident in the council's area: another council's adult social care is responsible.",
        [AlreadyKnownToAdultServices] = "Already known to adult social care, with an assessment or a care and support plan in place.",
        [NoConsent] = "The young person does not consent to the assessment.",
        [Other] = "Other reason.",
    };

    /// <summary>The codes of a declined update: every reason but <see cref="NoEligibleNeeds"/>, which has its own update type.</summary>
    public static IReadOnlyList<string> All { get; } = [NotOrdinarilyResident, AlreadyKnownToAdultServices, NoConsent, Other];
}
