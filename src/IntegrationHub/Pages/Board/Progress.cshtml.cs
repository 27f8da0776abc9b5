using IntegrationHub.Board.Decisions;
using IntegrationHub.Idempotency;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Board;

/// <summary>
/// A board member records how an action is going. (An owning organisation records its own through the API; the board's
/// notice in its inbox tells it of the action.) Managers below the board are sent to the 403 page.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[Idempotent]
public sealed class ProgressModel(BoardDecisionService decisions) : HubPageModel
{
    public BoardDecisionSummary? Decision { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Caller.Role != HubRoles.BoardMember ? Forbid() : await FromOutcomeAsync(await decisions.DecisionAsync(id, Caller, cancellationToken), Show);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Caller.Role != HubRoles.BoardMember)
        {
            return Forbid();
        }

        if (await decisions.DecisionAsync(id, Caller, cancellationToken) is not Outcomes.Outcome<BoardDecisionSummary>.Done { Value: var decision })
        {
            return NotFound();
        }

        Decision = decision;
        return await FromOutcomeAsync(
            await decisions.RecordProgressAsync(id, new RecordProgress(Status, Note), Caller, cancellationToken),
            _ => RedirectToPage("/Board/Decisions"));
    }

    IActionResult Show(BoardDecisionSummary decision)
    {
        Decision = decision;
        return Page();
    }

    protected override string? FieldLabel(string fieldId) => fieldId == "note" ? "a note of how the action is going" : null;
}
