namespace IntegrationHub.Adapters.Dwp.Answers;

/// <summary>Why a Jobcentre declines a referral: the codes of a declined update's <c>reasonCode</c>.</summary>
public static class JobcentreDeclineReasons
{
    public const string AlreadySupported = "already-supported";
    public const string NotEligible = "not-eligible";
    public const string NoContact = "no-contact";
    public const string Other = "other";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [AlreadySupported] = "Already supported by a work coach at another Jobcentre.",
        [NotEligible] = "Not eligible for Universal Credit or the care leaver offer.",
        [NoContact] = "The Jobcentre could not contact the young person.",
        [Other] = "Other reason.",
    };
}
