using System.Diagnostics;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace IntegrationHub.Pages.Errors;

/// <summary>
/// The pages' error page: the problem's title, status and trace id, the same fields as the API's
/// problem details, and never an exception's message or stack trace.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel(DependencyOutages outages) : PageModel
{
    public ProblemDetails Problem { get; private set; } = new();

    public IActionResult OnGet(int? status) => Show(status);

    public IActionResult OnPost(int? status) => Show(status);

    IActionResult Show(int? status)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var outage = failure is null ? null : outages.Met(failure.Error, $"{failure.Path}, answered 503");
        var code = failure is null ? status ?? StatusCodes.Status500InternalServerError
            : outage is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
        Problem = new ProblemDetails
        {
            Status = code,
            Title = code switch
            {
                StatusCodes.Status403Forbidden => "You cannot see this page",
                StatusCodes.Status404NotFound => "Page not found",
                StatusCodes.Status400BadRequest => "The hub could not read that request",
                StatusCodes.Status503ServiceUnavailable when outage is not null => "Sorry, the hub is unavailable for a moment",
                >= 500 => "Sorry, there is a problem with the hub",
                _ => ReasonPhrases.GetReasonPhrase(code),
            },
            Detail = code switch
            {
                StatusCodes.Status403Forbidden => "Your role does not give you access to it. If you think it should, ask your manager.",
                StatusCodes.Status404NotFound => "If you typed the web address, check it is correct. A referral shared with another agency is not shown to yours.",
                StatusCodes.Status503ServiceUnavailable when outage is not null =>
                    $"It cannot reach its {outage} just now, so what you asked for was not done and nothing you sent was saved. Try again in a minute.",
                >= 500 => "Nothing you sent has been lost. Try again later; if it keeps happening, give the hub's support team the reference below.",
                _ => null,
            },
            Instance = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path,
        };
        Problem.Extensions["traceId"] = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (outage is not null)
        {
            DependencyOutages.TurnAway(Response);
        }
        else
        {
            Response.StatusCode = code;
        }

        return Page();
    }
}
