using IntegrationHub.Auditing;
using IntegrationHub.Board;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using HttpNotFound = Microsoft.AspNetCore.Http.HttpResults.NotFound;

namespace IntegrationHub.Pages.Board;

/// <summary>
/// Opening a case from the board: the API's own handler records the purpose in the audit log and gives the
/// young person's name and the referral. The case is shown in answer to the POST itself, never carried in a
/// redirect or TempData, and the response is not stored by the browser.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class CaseModel(HubDbContext db, AuditLog audit, BoardFigures figures, TimeProvider clock, ILoggerFactory loggers) : HubPageModel
{
    public const string PurposeField = "purpose";

    public Guid ReferralId { get; private set; }

    public string? Purpose { get; private set; }

    public CaseOpening? Opening { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid referralId, CancellationToken cancellationToken)
    {
        // Only whether the referral is the caller's local authority's: nothing about the young person is read until a purpose is given.
        var tenant = Caller.TenantId;
        if (!await db.Referrals.AnyAsync(r => r.Id == referralId && r.TenantId == tenant, cancellationToken))
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
        var services = new BoardApi.OpeningServices(db, audit, figures, clock, User, loggers);
        var answer = await BoardApi.OpenCaseAsync(referralId, new OpenCase(purpose), services, cancellationToken);
        switch (answer.Result)
        {
            case Ok<CaseOpening> ok:
                Opening = ok.Value;
                return Page();
            case ValidationProblem problem:
                AddProblemErrors(problem.ProblemDetails.Errors);
                return Page();
            case HttpNotFound:
                return NotFound();
            default:
                throw new InvalidOperationException($"Opening a case answered {answer.Result.GetType().Name}.");
        }
    }
}
