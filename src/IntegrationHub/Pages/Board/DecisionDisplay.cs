using IntegrationHub.Board.Decisions;
using IntegrationHub.Security;

namespace IntegrationHub.Pages.Board;

/// <summary>The words the board's case papers, decisions and pack use for their codes.</summary>
public static class DecisionDisplay
{
    public static string StatusName(string status) => status switch
    {
        BoardDecisionStatuses.Open => "Open",
        BoardDecisionStatuses.InProgress => "In progress",
        BoardDecisionStatuses.Done => "Done",
        _ => status,
    };

    public static string StatusTagClass(BoardDecisionSummary decision) =>
        decision.Overdue ? "govuk-tag--red"
        : decision.Status switch
        {
            BoardDecisionStatuses.Done => "govuk-tag--green",
            BoardDecisionStatuses.InProgress => "govuk-tag--blue",
            _ => "govuk-tag--grey",
        };

    /// <summary>The board's champion who follows a theme's cases and actions.</summary>
    public static string ChampionOf(string theme) => $"Champion for {BoardDisplay.ThemeName(theme).ToLowerInvariant()}";

    /// <summary>Whose view a favoured resolution is, by role: the paper names no one.</summary>
    public static string RoleName(string role) => role switch
    {
        HubRoles.TeamManager => "Team manager",
        HubRoles.HeadOfService => "Head of service",
        _ => role,
    };

    public static IReadOnlyList<(string Value, string Label)> StatusOptions { get; } =
        [.. BoardDecisionStatuses.All.Select(s => (s, StatusName(s)))];
}
