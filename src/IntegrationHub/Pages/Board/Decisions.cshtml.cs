using IntegrationHub.Board;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Board;

/// <summary>The board's actions with their status, filtered by status, and as CSV; each listed action is an audited read.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class DecisionsModel(BoardDecisionService decisions) : HubPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public List<BoardDecisionSummary> Actions { get; private set; } = [];

    public static IReadOnlyList<(string Value, string Label)> Filters { get; } =
        [("", "All"), .. DecisionDisplay.StatusOptions, (BoardDecisionStatuses.Overdue, "Overdue")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FromOutcomeAsync(await decisions.ListAsync(Filter, Caller, cancellationToken), list =>
        {
            Actions = list;
            return Page();
        });

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await FromOutcomeAsync(
            await decisions.ListAsync(Filter, Caller, cancellationToken),
            list => File(BoardDecisionsCsv.Write(list), BoardCsv.ContentType, $"board-decisions-{decisions.Today:yyyy-MM-dd}.csv"));

    string? Filter => string.IsNullOrEmpty(Status) ? null : Status;
}
