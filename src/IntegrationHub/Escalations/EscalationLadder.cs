using IntegrationHub.Security;

namespace IntegrationHub.Escalations;

/// <summary>
/// Who owns an escalation at each level, and how far each manager's role reaches: a team manager acts at
/// level 1, a head of service at level 2, a board member at level 3. A manager resolves escalations at or below
/// their own level and raises one at most a level above it, to hand it to the rung that can act on it.
/// </summary>
public static class EscalationLadder
{
    public const int TopLevel = 3;

    public static string OwnerAt(int level, string theme) => level switch
    {
        1 => "team-manager",
        2 => "head-of-service",
        _ => $"board-champion:{theme}",
    };

    /// <summary>The level a role acts at; 0 for a role that acts on no escalation.</summary>
    public static int LevelOf(string role) => role switch
    {
        HubRoles.TeamManager => 1,
        HubRoles.HeadOfService => 2,
        HubRoles.BoardMember => 3,
        _ => 0,
    };

    /// <summary>The highest level a role may raise an escalation at: one above its own, and never above the board.</summary>
    public static int HighestToRaise(string role) => LevelOf(role) == 0 ? 0 : Math.Min(LevelOf(role) + 1, TopLevel);

    /// <summary>The role opening a sentence, e.g. "A team manager"; null for a role that acts on no escalation.</summary>
    public static string? RoleOpening(string role) => role switch
    {
        HubRoles.TeamManager => "A team manager",
        HubRoles.HeadOfService => "A head of service",
        HubRoles.BoardMember => "A board member",
        _ => null,
    };

    /// <summary>Levels from 1 up to <paramref name="highest"/> in a sentence: "level 1", "levels 1 and 2", "levels 1 to 3".</summary>
    public static string UpTo(int highest) => highest switch
    {
        1 => "level 1",
        2 => "levels 1 and 2",
        _ => $"levels 1 to {highest}",
    };
}
