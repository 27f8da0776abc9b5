using IntegrationHub.Board;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Board.Scorecard;
using IntegrationHub.Pages.Shared;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Board;

/// <summary>
/// The pack for the board's next meeting, to print: the scorecard over the dashboard's default period, the case papers
/// due and the actions due and overdue, each with its champion, and no names. Every paper and action in it is an
/// audited read.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class PackModel(BoardDecisionService decisions, BoardService board) : HubPageModel
{
    public BoardPack? Pack { get; private set; }

    public ScorecardFigures? Scorecard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Pack = await decisions.PackAsync(Caller, cancellationToken);
        Scorecard = (await board.ScorecardAsync(Caller, null, null, new FieldErrors(), cancellationToken)).Match(
            figures => figures,
            errors => throw new InvalidOperationException($"The scorecard refused its own defaults: {string.Join("; ", errors.ToDictionary().Keys)}"));
        return Page();
    }
}
