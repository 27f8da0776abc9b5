using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntegrationHub.Pages.Shared;

/// <summary>What every page of the hub needs: the signed-in caller and the services' outcomes and errors shown GOV.UK's way.</summary>
public abstract class HubPageModel : PageModel
{
    HubUser? caller;

    public HubUser Caller => caller ??= HubUser.From(User);

    /// <summary>The first error recorded for a field (its key is the field's id), for its error message.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// A service's outcome, the page's way: done goes on as <paramref name="done"/> says; field errors go on the form's
    /// fields (<see cref="AddProblemErrors"/>) and a conflict to the top of the error summary, and the page is shown
    /// again (by <paramref name="showAgain"/>, when it must first load what it shows); not found is the page's 404.
    /// </summary>
    protected Task<IActionResult> FromOutcomeAsync<T>(
        Outcome<T> outcome, Func<T, IActionResult> done, Func<string, string>? fieldIds = null, Func<Task<IActionResult>>? showAgain = null)
    {
        showAgain ??= () => Task.FromResult<IActionResult>(Page());
        return outcome.Match(
            value => Task.FromResult(done(value)),
            errors =>
            {
                AddProblemErrors(errors.ToDictionary(), fieldIds);
                return showAgain();
            },
            () => Task.FromResult<IActionResult>(NotFound()),
            (_, detail) =>
            {
                AddProblem(detail);
                return showAgain();
            });
    }

    /// <summary>
    /// The field errors a service found, each on the form field it names: <paramref name="fieldIds"/>
    /// maps a service's field (as the API names it) to the form field's id where the two differ. A field the page has words for
    /// (<see cref="FieldLabel"/>) gets GOV.UK's wording for a missing or too long answer. A field the page has already
    /// found wrong as it read the form (a date that is no real date) keeps the page's error alone.
    /// </summary>
    public void AddProblemErrors(IDictionary<string, string[]> errors, Func<string, string>? fieldIds = null)
    {
        foreach (var (field, messages) in errors)
        {
            var id = fieldIds?.Invoke(field) ?? field;
            if (ErrorFor(id) is not null)
            {
                continue;
            }

            foreach (var message in messages)
            {
                ModelState.AddModelError(id, InWords(field, FieldLabel(id), message));
            }
        }
    }

    /// <summary>What the page calls a field in an error message, e.g. "a summary of the referral"; null to keep the API's words.</summary>
    protected virtual string? FieldLabel(string fieldId) => null;

    static string InWords(string field, string? label, string message)
    {
        const string tooLong = "' must be at most ";
        if (label is null)
        {
            return message;
        }

        if (message == $"'{field}' is required.")
        {
            return $"Enter {label}";
        }

        return message.StartsWith($"'{field}{tooLong}", StringComparison.Ordinal)
            ? $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {message[($"'{field}{tooLong}".Length)..].TrimEnd('.')} or fewer"
            : message;
    }

    /// <summary>A refusal that belongs to no one field (a conflict): shown at the top of the error summary.</summary>
    public void AddProblem(string refusal) => ModelState.AddModelError("", refusal);
}
