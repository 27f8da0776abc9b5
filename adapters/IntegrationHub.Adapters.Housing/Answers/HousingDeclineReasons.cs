namespace IntegrationHub.Adapters.Housing.Answers;

/// <summary>
/// Why a housing authority declines a referral. The hub escalates <see cref="IntentionallyHomeless"/> and
/// <see cref="NoLocalConnection"/> for a care leaver to level 2.
/// </summary>
public static class HousingDeclineReasons
{
    public const string IntentionallyHomeless = "intentionally-homeless";
    public const string NoLocalConnection = "no-local-connection";
    public const string NotEligible = "not-eligible";
    public const string NotHomelessOrThreatened = "not-homeless-or-threatened";
    public const string ReferralWithdrawn = "referral-withdrawn";
    public const string NoContact = "no-contact";
    public const string Other = "other";

    /// <summary>Each code with the words the hub shows when the housing authority gives none.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [IntentionallyHomeless] = "Found intentionally homeless.",
        [NoLocalConnection] = "No local connection with the housing authority's district.",
        [NotEligible] = "Not eligible for homelessness assistance.",
        [NotHomelessOrThreatened] = "Neither homeless nor threatened with homelessness within 56 days.",
        [ReferralWithdrawn] = "The referral was withdrawn.",
        [NoContact] = "The housing authority could not contact the young person.",
        [Other] = "Other reason.",
    };

    public static IReadOnlyList<string> All { get; } = [.. Descriptions.Keys];
}
