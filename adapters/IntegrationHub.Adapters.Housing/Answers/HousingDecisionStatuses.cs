namespace IntegrationHub.Adapters.Housing.Answers;

public static class HousingDecisionStatuses
{
    public const string Acknowledged = "acknowledged";
    public const string Accepted = "accepted";
    public const string Declined = "declined";

    public static IReadOnlyList<string> All { get; } = [Acknowledged, Accepted, Declined];
}
