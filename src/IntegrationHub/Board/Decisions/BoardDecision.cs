namespace IntegrationHub.Board.Decisions;

/// <summary>
/// An action the Corporate Parenting Board decided on a level-3 escalation: what is to be done, the organisation that
/// owns it (its code in the agency directory), the named person there who answers for it, and the day it is due.
/// It is followed to done through its <see cref="BoardDecisionProgress"/>; once past its due day and not done, it goes
/// on the agenda of the board's next meeting as an escalation of its own (<see cref="OverdueEscalationId"/>).
/// </summary>
public sealed class BoardDecision
{
    public Guid Id { get; init; }
    public required string TenantId { get; init; }
    public Guid EscalationId { get; init; }

    /// <summary>The case reference the board knows the case by (from its referral).</summary>
    public required string CaseReference { get; init; }

    /// <summary>Whose case it is, for the audit of every read and write; never shown.</summary>
    public Guid YoungPersonId { get; init; }

    /// <summary>The escalation's theme: whose champion follows the action.</summary>
    public required string Theme { get; init; }

    public required string Action { get; init; }

    /// <summary>The owning organisation's code in the agency directory.</summary>
    public required string Organisation { get; init; }

    /// <summary>The agency type the directory lists the organisation under: whose inbox role is told.</summary>
    public required string Agency { get; init; }

    /// <summary>The named person at the organisation who answers for the action.</summary>
    public required string Owner { get; init; }

    public DateOnly DueOn { get; init; }

    /// <summary>One of <see cref="BoardDecisionStatuses"/>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset DecidedAt { get; init; }
    public required string DecidedById { get; init; }
    public required string DecidedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The escalation that put the overdue action on the board's agenda; null until it is overdue.</summary>
    public Guid? OverdueEscalationId { get; set; }

    /// <summary>The board meeting the overdue action goes to.</summary>
    public DateOnly? OnAgendaFor { get; set; }

    public List<BoardDecisionProgress> Progress { get; init; } = [];

    /// <summary>Optimistic concurrency: two scanners, or a scanner and an update, cannot both change it.</summary>
    public int Version { get; set; }

    public bool IsOverdueOn(DateOnly date) => Status != BoardDecisionStatuses.Done && DueOn < date;
}

/// <summary>A note of how an action is going, with the status it left the action in.</summary>
public sealed class BoardDecisionProgress
{
    public Guid Id { get; init; }
    public Guid DecisionId { get; init; }
    public required string TenantId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ById { get; init; }
    public required string By { get; init; }
    public required string ByRole { get; init; }

    /// <summary>For an agency user, the organisation they recorded it for.</summary>
    public string? ByOrganisation { get; init; }
    public required string Status { get; init; }
    public required string Note { get; init; }
}

public static class BoardDecisionStatuses
{
    public const string Open = "open";
    public const string InProgress = "in-progress";
    public const string Done = "done";

    public static IReadOnlyList<string> All { get; } = [Open, InProgress, Done];

    /// <summary>Not a stored status: open or in progress, and past its due day. The list's filter takes it.</summary>
    public const string Overdue = "overdue";
}
