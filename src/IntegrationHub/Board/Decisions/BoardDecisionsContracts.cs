namespace IntegrationHub.Board.Decisions;

/// <summary>A team manager's or head of service's favoured resolution of a level-3 escalation, for the board's case paper.</summary>
public sealed record ProposeResolution(string? Resolution);

/// <summary>
/// The young person's own words for the board, with the day they agreed to the board reading them and the evidence of it.
/// Without an agreement nothing is stored.
/// </summary>
public sealed record RecordYoungPersonsWords(string? Words, DateOnly? AgreedOn, string? Evidence);

/// <summary>The board's decision on a level-3 escalation: the action, the organisation that owns it (its directory code), a named owner and the day it is due.</summary>
public sealed record RecordBoardDecision(Guid? EscalationId, string? Action, string? Organisation, string? Owner, DateOnly? DueOn);

/// <summary>How an action is going: a note and the status it is now in (open, in-progress or done).</summary>
public sealed record RecordProgress(string? Status, string? Note);

/// <summary>
/// The board's case paper of a level-3 escalation, anonymised: the case reference, the young person's age band (never
/// their name, date of birth or address), the story as the hub recorded it in codes and dates, the favoured resolution,
/// and the young person's words only when their agreement is recorded; otherwise <paramref name="WordsAbsentBecause"/> says why.
/// </summary>
public sealed record CasePaperView(
    Guid EscalationId,
    string CaseReference,
    string Theme,
    string Agency,
    int Level,
    string ReasonCode,
    DateTimeOffset RaisedAt,
    DateTimeOffset DueBy,
    bool Open,
    string AgeBand,
    DateTimeOffset? ReferralMadeAt,
    IReadOnlyList<string> Sections,
    IReadOnlyList<CasePaperLeg> Legs,
    FavouredResolution? FavouredResolution,
    string? YoungPersonsWords,
    DateOnly? WordsAgreedOn,
    string? WordsAbsentBecause,
    IReadOnlyList<BoardDecisionSummary> Decisions);

public sealed record CasePaperLeg(string Agency, string Status, string? ReasonCode, DateTimeOffset UpdatedAt);

/// <param name="ProposedByRole">Whose view it is, by role: the paper names no one.</param>
public sealed record FavouredResolution(string Text, string ProposedByRole, DateTimeOffset ProposedAt);

/// <summary>One of the board's actions, with its status; <paramref name="Overdue"/> when open or in progress past its due day.</summary>
public sealed record BoardDecisionSummary(
    Guid Id,
    Guid EscalationId,
    string CaseReference,
    string Theme,
    string Action,
    string Organisation,
    string OrganisationName,
    string Owner,
    DateOnly DueOn,
    string Status,
    bool Overdue,
    DateOnly? OnAgendaFor,
    DateTimeOffset DecidedAt,
    IReadOnlyList<ProgressNote> Progress);

public sealed record ProgressNote(DateTimeOffset At, string By, string Status, string Note);

/// <summary>What the board's pack for its next meeting holds: the case papers due, and the actions not yet done: due, and overdue.</summary>
public sealed record BoardPack(
    DateOnly AsOf,
    DateOnly Meeting,
    IReadOnlyList<CasePaperView> CasePapers,
    IReadOnlyList<BoardDecisionSummary> ActionsDue,
    IReadOnlyList<BoardDecisionSummary> ActionsOverdue);
