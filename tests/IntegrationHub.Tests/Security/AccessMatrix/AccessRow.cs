using IntegrationHub.Security;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// One endpoint of the hub and who may call it: <paramref name="Endpoint"/> is its method and route pattern as routing
/// knows it (a page handler adds <c>?handler=name</c>), <paramref name="Object"/> what it addresses, <paramref name="Who"/>
/// whom it admits, <paramref name="Allowed"/> what an admitted caller gets on an object they may see.
/// Every other answer follows from the hub's rules (<see cref="Expected"/>).
/// </summary>
/// <param name="Hidden">What an admitted caller gets on an object they may not see; by default 404 (a list: without it).</param>
/// <param name="Body">What the cell sends, for a write.</param>
/// <param name="Query">More of the query string, e.g. the table a CSV download is of.</param>
/// <param name="BeforeRouting">Served by middleware ahead of routing (API documentation, static files), so routing does not list it.</param>
public sealed record AccessRow(
    string Endpoint,
    Addressed Object,
    Who Who,
    Answer Allowed,
    Answer? Hidden = null,
    Func<Cell, Payload>? Body = null,
    string? Query = null,
    bool BeforeRouting = false)
{
    public string Method => Endpoint[..Endpoint.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The route pattern, without the page handler.</summary>
    public string Route => Endpoint[(Method.Length + 1)..].Split('?')[0];

    public string? Handler => Endpoint.Split("?handler=") is [_, var handler] ? handler : null;

    /// <summary>Signed in by the pages' cookie rather than a bearer token, by the hub's own rule.</summary>
    public bool IsPage => HubPages.IsPageRequest(new DefaultHttpContext { Request = { Path = Route } });

    public Answer WhenHidden => Hidden ?? (Allowed == Answer.Lists ? Answer.Omits : Answer.NotFound);

    /// <summary>
    /// The answer for a caller on an object of one ownership case: nobody signed in is sent to sign in (401, or the pages'
    /// sign-in); a role the endpoint does not admit is refused (403, or the pages' 403 page) whatever the object;
    /// an admitted caller gets <see cref="Allowed"/> on what they may see, and <see cref="WhenHidden"/> on what they may not:
    /// never 403 and never the object, so an id reveals nothing.
    /// </summary>
    public Answer Expected(Caller caller, Ownership? ownership) =>
        Who.IsPublic ? Allowed
        : caller.IsAnonymous ? (IsPage ? Answer.ToSignIn : Answer.Unauthorised)
        : !Who.Admits(caller) ? (IsPage ? Answer.ToForbiddenPage : Answer.Forbidden)
        : Object.IsVisibleTo(caller, ownership) ? Allowed
        : WhenHidden;

    public override string ToString() => Endpoint;
}

/// <summary>What a cell sends with a write.</summary>
public abstract record Payload
{
    private Payload()
    {
    }

    /// <summary>A JSON body, serialised as the hub's API reads it.</summary>
    public sealed record Json(object Value) : Payload;

    /// <summary>A body in an agency's own format, with the headers its endpoint needs.</summary>
    public sealed record Text(string Body, string ContentType, IReadOnlyDictionary<string, string> Headers) : Payload;

    /// <summary>A page's form; the cell adds the caller's antiforgery token.</summary>
    public sealed record Form(IReadOnlyDictionary<string, string> Fields) : Payload;
}
