using IntegrationHub.Board;
using IntegrationHub.Idempotency;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Pages.Board;

/// <summary>
/// Opening a case from the board: the board service, as for the API, records the purpose in the audit log and gives the
/// young person's name and the referral. The case is shown in answer to the POST itself, never carried in a
/// redirect or TempData, and the response is not stored by the browser.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[Idempotent]
public sealed class CaseModel(HubDbContext db, BoardService board) : HubPageModel
{
    public const string PurposeField = "purpose";

    public Guid ReferralId { get; private set; }

    public string? Purpose { get; private set; }

    public CaseOpening? Opening { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid referralId, CancellationToken cancellationToken)
    {
        // Only whether the referral is the caller's local authority's: nothing about the young person is read until a purpose is given.
        if (!await db.Referrals.AnyAsync(r => r.Id == referralId, cancellationToken))
        {
            return NotFound();
        }

        ReferralId = referralId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid referralId, string? purpose, CancellationToken cancellationToken)
    {
        ReferralId = referralId;
        Purpose = purpose;
        return await FromOutcomeAsync(
            await board.OpenCaseAsync(referralId, new OpenCase(purpose), Caller, cancellationToken),
            opening =>
            {
                Opening = opening;
                return Page();
            });
    }
}
