using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntegrationHub.Pages.Shared;

/// <summary>What every page of the hub needs: the signed-in caller and the API's errors shown GOV.UK's way.</summary>
public abstract class HubPageModel : PageModel
{
    HubUser? caller;

    public HubUser Caller => caller ??= HubUser.From(User);

    /// <summary>The first error recorded for a field (its key is the field's id), for its error message.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// The errors of the API's validation problem, each on the form field it names: <paramref name="fieldIds"/>
    /// maps an API field to the field's id where the two differ.
    /// </summary>
    public void AddProblemErrors(IDictionary<string, string[]> errors, Func<string, string>? fieldIds = null)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(fieldIds?.Invoke(field) ?? field, message);
            }
        }
    }

    /// <summary>A refusal that belongs to no one field (a conflict): shown at the top of the error summary.</summary>
    public void AddProblem(ProblemDetails problem) =>
        ModelState.AddModelError("", problem.Detail ?? problem.Title ?? "The hub could not do that.");
}
