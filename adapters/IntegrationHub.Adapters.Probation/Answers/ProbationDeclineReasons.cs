namespace IntegrationHub.Adapters.Probation.Answers;

/// <summary>
/// Why probation declines a referral. Probation's own events carry no decline, so these are the
/// codes a practitioner chooses from in the hub's partner inbox.
/// </summary>
public static class ProbationDeclineReasons
{
    public const string NotUnderSupervision = "not-under-supervision";
    public const string SupervisedElsewhere = "supervised-elsewhere";
    public const string NoContact = "no-contact";
    public const string Other = "other";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [NotUnderSupervision] = "Not on a licence or community order supervised by probation.",
        [SupervisedElsewhere] = "Supervised by another probation region.",
        [NoContact] = "Probation could not contact the young person.",
        [Other] = "Other reason.",
    };
}
