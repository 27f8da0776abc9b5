namespace IntegrationHub.Adapters.Nhs.Answers;

/// <summary>Why an NHS service declines a referral: the codes of a rejected Task's <c>statusReason.coding</c>.</summary>
public static class NhsDeclineReasons
{
    public const string OutOfArea = "out-of-area";
    public const string DoesNotMeetThreshold = "does-not-meet-threshold";
    public const string AlreadyKnown = "already-known";
    public const string NoContact = "no-contact";
    public const string Other = "other";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [OutOfArea] = "The young person lives outside the service's area.",
        [DoesNotMeetThreshold] = "Does not meet the service's criteria for treatment.",
        [AlreadyKnown] = "Already open to the service.",
        [NoContact] = "The service could not contact the young person.",
        [Other] = "Other reason.",
    };
}
