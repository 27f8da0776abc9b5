namespace IntegrationHub.Escalations;

/// <summary>Who owns an escalation at each level.</summary>
public static class EscalationLadder
{
    public const int TopLevel = 3;

    public static string OwnerAt(int level, string theme) => level switch
    {
        1 => "team-manager",
        2 => "head-of-service",
        _ => $"board-champion:{theme}",
    };
}
