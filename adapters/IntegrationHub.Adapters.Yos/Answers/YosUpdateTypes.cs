namespace IntegrationHub.Adapters.Yos.Answers;

public static class YosUpdateTypes
{
    public const string Accepted = "accepted";

    /// <summary>The young person turns 18 and their case moves to probation: the hub checks a probation leg is accepted.</summary>
    public const string TransitionToProbationDue = "transition-to-probation-due";

    /// <summary>Release from youth custody is planned: the hub checks an accommodation leg is accepted.</summary>
    public const string CustodyReleasePlanned = "custody-release-planned";
    public const string Declined = "declined";

    public static IReadOnlyList<string> All { get; } = [Accepted, TransitionToProbationDue, CustodyReleasePlanned, Declined];
}
