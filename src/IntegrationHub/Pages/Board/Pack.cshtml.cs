using IntegrationHub.Board.Decisions;
using IntegrationHub.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Board;

/// <summary>
/// The pack for the board's next meeting, to print: the case papers due and the actions due and overdue, each with its
/// champion, and no names. Every paper and action in it is an audited read.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class PackModel(BoardDecisionService decisions) : HubPageModel
{
    public BoardPack? Pack { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Pack = await decisions.PackAsync(Caller, cancellationToken);
        return Page();
    }
}
