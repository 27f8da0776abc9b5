using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Legs;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Pages.Partner.Legs;

/// <summary>
/// One referral to the worker's organisation: exactly what was shared with the agency, and the answers the
/// leg's status allows. Answers are recorded by the same recorder as the agencies' own systems use, so
/// the page refuses what the API refuses and writes the same timeline.
/// </summary>
public sealed class IndexModel(
    HubDbContext db, LegService legs, AgencyAnswerRecorder recorder, AgencyDefinitions agencies, TimeProvider clock) : HubPageModel
{
    /// <summary>Made when the page is rendered: a form sent twice records one answer (the recorder's inbox).</summary>
    [BindProperty(Name = "answerId")]
    public Guid AnswerId { get; set; }

    [BindProperty(Name = "agencyReference")]
    public string? AgencyReference { get; set; }

    [BindProperty(Name = "acceptNote")]
    public string? AcceptNote { get; set; }

    /// <summary>
    /// One of the agency's own decline reason codes. Its field is <c>code</c> rather than a longer name
    /// because the error summary lists ModelState's keys in their sorted order, not the page's, and the
    /// radios come before <c>reason</c> on the page.
    /// </summary>
    [BindProperty(Name = "code")]
    public string? DeclineReason { get; set; }

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    [BindProperty(Name = "startNote")]
    public string? StartNote { get; set; }

    [BindProperty(Name = "holdReason")]
    public string? HoldReason { get; set; }

    [BindProperty(Name = "outcome")]
    public string? Outcome { get; set; }

    [TempData]
    public string? Recorded { get; set; }

    public LegDetails Leg { get; private set; } = null!;

    public LegRequested Shared { get; private set; } = null!;

    public IReadOnlyList<TimelineLine> History { get; private set; } = [];

    public IReadOnlyDictionary<string, string> DeclineReasons => agencies.For(Caller.Agency!).Format.DeclineReasons;

    public string AgencyName => agencies.NameOf(Caller.Agency ?? "");

    /// <summary>
    /// Whether the leg's status allows the answer: the lifecycle's table, and a decision on a leg not
    /// yet acknowledged, which the recorder takes as acknowledging it first.
    /// </summary>
    public bool Allows(string to) => LegLifecycle.IsAllowed(Leg.Status, to) || (Leg.Status == Requested && to is LegStatusCodes.Accepted or Rejected);

    public Task<IActionResult> OnGetAsync(Guid legId, CancellationToken cancellationToken)
    {
        AnswerId = Guid.NewGuid();
        return ShowAsync(legId, cancellationToken);
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid legId, CancellationToken cancellationToken) =>
        AnswerAsync(legId, "Referral acknowledged", () => new LegAcknowledged(AnswerId, legId, Caller.Agency!, Caller.Name, clock.GetUtcNow(), Optional(AgencyReference)), cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(Guid legId, CancellationToken cancellationToken) =>
        AnswerAsync(legId, "Referral accepted", () => new LegAccepted(AnswerId, legId, Caller.Agency!, Caller.Name, clock.GetUtcNow(), Optional(AcceptNote)), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid legId, CancellationToken cancellationToken)
    {
        if (DeclineReason is null || !DeclineReasons.ContainsKey(DeclineReason))
        {
            ModelState.AddModelError("code", "Select why you are declining the referral");
        }

        Require("reason", Reason, "Enter the reason for declining the referral");
        return AnswerAsync(legId, "Referral declined", () => new LegDeclined(AnswerId, legId, Caller.Agency!, Caller.Name, clock.GetUtcNow(), DeclineReason!, Reason!.Trim()), cancellationToken);
    }

    public Task<IActionResult> OnPostStartAsync(Guid legId, CancellationToken cancellationToken) =>
        AnswerAsync(legId, "Work started", () => new LegStarted(AnswerId, legId, Caller.Agency!, Caller.Name, clock.GetUtcNow(), Optional(StartNote)), cancellationToken);

    public Task<IActionResult> OnPostPutOnHoldAsync(Guid legId, CancellationToken cancellationToken)
    {
        Require("holdReason", HoldReason, "Enter why the work is on hold");
        return AnswerAsync(legId, "Referral put on hold", () => new LegPutOnHold(AnswerId, legId, Caller.Agency!, Caller.Name, clock.GetUtcNow(), HoldReason!.Trim()), cancellationToken);
    }

    public Task<IActionResult> OnPostCompleteAsync(Guid legId, CancellationToken cancellationToken)
    {
        Require("outcome", Outcome, "Enter the outcome of the referral");
        return AnswerAsync(legId, "Referral completed", () => new LegCompleted(AnswerId, legId, Caller.Agency!, Caller.Name, clock.GetUtcNow(), Outcome!.Trim()), cancellationToken);
    }

    async Task<IActionResult> AnswerAsync(Guid legId, string recorded, Func<ILegAnswer> answer, CancellationToken cancellationToken)
    {
        if (AnswerId == Guid.Empty)
        {
            ModelState.AddModelError("", "The form could not be read: reload the page and try again");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(legId, cancellationToken);
        }

        var outcome = await recorder.RecordAsync(answer(), AnswerSource.SignedIn(Caller), cancellationToken);
        if (outcome == AnswerOutcome.UnknownLeg)
        {
            return NotFound();
        }

        if (outcome.Refusal is { } refusal)
        {
            AddProblem(refusal);
            // The refused answer's id is spent: another try is another answer.
            AnswerId = Guid.NewGuid();
            return await ShowAsync(legId, cancellationToken);
        }

        Recorded = recorded;
        return RedirectToPage(new { legId });
    }

    async Task<IActionResult> ShowAsync(Guid legId, CancellationToken cancellationToken)
    {
        if (await legs.GetAsync(legId, Caller, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        (Leg, Shared) = (view.Leg, view.Referral);
        // The leg's own lines of its referral's timeline; the service has found the leg the caller's and audited the read.
        History = await db.Timeline
            .Where(t => t.LegId == legId)
            .OrderBy(t => t.Id)
            .Select(t => TimelineLine.From(t))
            .ToListAsync(cancellationToken);
        return Page();
    }

    void Require(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, message);
        }
    }

    static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
