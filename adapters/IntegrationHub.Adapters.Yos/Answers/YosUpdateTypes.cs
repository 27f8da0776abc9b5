namespace IntegrationHub.Adapters.Yos.Answers;

/// <summary>The types of a youth offending service's update; each type says which fields the update carries.</summary>
public static class YosUpdateTypes
{
    /// <summary>The youth offending service has accepted the referral.</summary>
    public const string Accepted = "accepted";

    /// <summary>The young person turns 18 and their case moves to probation: the hub checks a probation leg is accepted.</summary>
    public const string TransitionToProbationDue = "transition-to-probation-due";

    /// <summary>Release from youth custody is planned: the hub checks an accommodation leg is accepted.</summary>
    public const string CustodyReleasePlanned = "custody-release-planned";

    /// <summary>The youth offending service declines the referral: reasonCode and reason.</summary>
    public const string Declined = "declined";

    public static IReadOnlyList<string> All { get; } = [Accepted, TransitionToProbationDue, CustodyReleasePlanned, Declined];
}
