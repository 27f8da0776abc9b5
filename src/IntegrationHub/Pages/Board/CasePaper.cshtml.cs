using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Idempotency;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Pages.Board;

/// <summary>
/// An escalation's case paper, anonymous, and for a board member the form that records the board's decision on it.
/// Each showing of the paper is an audited read. The paper is not stored by the browser.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[Idempotent]
public sealed class CasePaperModel(BoardDecisionService decisions, IOptions<AgencyDirectoryOptions> directory) : HubPageModel
{
    public const string DueOnId = "dueOn";

    public CasePaperView? Paper { get; private set; }

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public string? DueDay { get; set; }

    [BindProperty]
    public string? DueMonth { get; set; }

    [BindProperty]
    public string? DueYear { get; set; }

    public bool MayDecide => Caller.Role == HubRoles.BoardMember && Paper is { Open: true, Level: Escalations.EscalationLadder.TopLevel };

    /// <summary>The organisations an action can be given to, by agency then name.</summary>
    public IEnumerable<(string Agency, string Code, string Name)> Organisations =>
        directory.Value.Distinct.Select(o => (o.Agency, o.Organisation.Code, o.Organisation.Name));

    public async Task<IActionResult> OnGetAsync(Guid escalationId, CancellationToken cancellationToken) =>
        await FromOutcomeAsync(await decisions.CasePaperAsync(escalationId, Caller, cancellationToken), Show);

    public async Task<IActionResult> OnPostAsync(Guid escalationId, CancellationToken cancellationToken)
    {
        if (Caller.Role != HubRoles.BoardMember)
        {
            return Forbid();
        }

        var paper = await decisions.CasePaperAsync(escalationId, Caller, cancellationToken);
        if (paper is not Outcomes.Outcome<CasePaperView>.Done { Value: var shown })
        {
            return NotFound();
        }

        Paper = shown;
        var (blank, dueOn) = DateParts.Parse(DueDay, DueMonth, DueYear);
        if (!blank && dueOn is null)
        {
            ModelState.AddModelError($"{DueOnId}-day", "The due date must be a real date, for example 27 3 2027");
        }

        return await FromOutcomeAsync(
            await decisions.DecideAsync(new RecordBoardDecision(escalationId, Action, Organisation, Owner, dueOn), Caller, cancellationToken),
            _ => RedirectToPage("/Board/Decisions"),
            field => field == DueOnId ? $"{DueOnId}-day" : field);
    }

    IActionResult Show(CasePaperView paper)
    {
        Paper = paper;
        return Page();
    }

    protected override string? FieldLabel(string fieldId) => fieldId switch
    {
        "action" => "what is to be done",
        "owner" => "the name of the person who owns the action",
        _ => null,
    };
}
