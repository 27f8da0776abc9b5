namespace IntegrationHub.Adapters.Yos.Answers;

/// <summary>Why a youth offending service declines a referral: the codes of a declined update's <c>reasonCode</c>.</summary>
public static class YosDeclineReasons
{
    public const string NoCurrentOrder = "no-current-order";
    public const string TransferredToProbation = "transferred-to-probation";
    public const string OutOfArea = "out-of-area";
    public const string Other = "other";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [NoCurrentOrder] = "No current court order or out-of-court disposal.",
        [TransferredToProbation] = "Already transferred to the probation service.",
        [OutOfArea] = "Lives outside the youth offending service's area.",
        [Other] = "Other reason.",
    };
}
