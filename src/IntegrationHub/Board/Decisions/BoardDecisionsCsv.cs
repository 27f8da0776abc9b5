namespace IntegrationHub.Board.Decisions;

/// <summary>The board's actions as CSV, written as the board's other tables are (<see cref="BoardCsv"/>): no names, case references only.</summary>
public static class BoardDecisionsCsv
{
    public static byte[] Write(IEnumerable<BoardDecisionSummary> decisions) => BoardCsv.Write(
        ["id", "case_reference", "theme", "action", "organisation", "owner", "due_on", "status", "overdue", "on_agenda_for", "decided_on", "last_note"],
        decisions.Select(d => new[]
        {
            BoardCsv.Id(d.Id), BoardCsv.Text(d.CaseReference), BoardCsv.Text(d.Theme), BoardCsv.Text(d.Action), BoardCsv.Text(d.Organisation),
            BoardCsv.Text(d.Owner), BoardCsv.Date(d.DueOn), BoardCsv.Text(d.Status), d.Overdue ? "yes" : "no",
            d.OnAgendaFor is { } meeting ? BoardCsv.Date(meeting) : "", BoardCsv.Date(DateOnly.FromDateTime(d.DecidedAt.UtcDateTime)),
            BoardCsv.Text(d.Progress.LastOrDefault()?.Note),
        }));
}
