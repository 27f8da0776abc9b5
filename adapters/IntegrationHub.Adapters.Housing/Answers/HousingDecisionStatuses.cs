namespace IntegrationHub.Adapters.Housing.Answers;

/// <summary>The statuses of a housing authority's decision.</summary>
public static class HousingDecisionStatuses
{
    /// <summary>The housing authority has received the referral and opened a case.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>The housing authority owes the young person a duty (see duty).</summary>
    public const string Accepted = "accepted";

    /// <summary>The housing authority declines the referral (see declineReason).</summary>
    public const string Declined = "declined";

    public static IReadOnlyList<string> All { get; } = [Acknowledged, Accepted, Declined];
}
