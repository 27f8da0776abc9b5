using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Outcomes;

/// <summary>
/// What a feature service did with a request, said without HTTP: done (with what it made or found), not found,
/// invalid (every field error, as <see cref="FieldErrors"/> collects them), refused because of the state it
/// found (a conflict, with a title and the words the caller is shown) or refused because of who asked (forbidden:
/// the caller's role does not reach what they asked for, with the words saying what it does reach). An endpoint maps it to HTTP
/// (<see cref="OutcomeResults"/>), a page to its ModelState (<c>HubPageModel.AfterAsync</c>). A plain read,
/// which can only find or not find, answers its value or null instead.
/// </summary>
public abstract record Outcome<T>
{
    // Private, so that the five cases below are the only ones and Match can be exhaustive.
    Outcome()
    {
    }

    public sealed record Done(T Value) : Outcome<T>;

    public sealed record NotFound : Outcome<T>;

    public sealed record Invalid(FieldErrors Errors) : Outcome<T>;

    public sealed record Conflict(string Title, string Detail) : Outcome<T>;

    public sealed record Forbidden(string Title, string Detail) : Outcome<T>;

    /// <summary>
    /// The one arm for what happened. An arm left out (<paramref name="notFound"/>, <paramref name="conflict"/>,
    /// <paramref name="forbidden"/>) is one the caller knows its service never answers, e.g. making a referral finds
    /// nothing it could miss.
    /// </summary>
    public TResult Match<TResult>(
        Func<T, TResult> done,
        Func<FieldErrors, TResult> invalid,
        Func<TResult>? notFound = null,
        Func<string, string, TResult>? conflict = null,
        Func<string, string, TResult>? forbidden = null) => this switch
        {
            Done d => done(d.Value),
            Invalid i => invalid(i.Errors),
            NotFound when notFound is not null => notFound(),
            Conflict c when conflict is not null => conflict(c.Title, c.Detail),
            Forbidden f when forbidden is not null => forbidden(f.Title, f.Detail),
            _ => throw new InvalidOperationException($"The service answered {this}, which its caller does not expect."),
        };
}
