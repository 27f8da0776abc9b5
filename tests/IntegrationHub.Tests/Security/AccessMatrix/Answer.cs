using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Security;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>What the hub answered a cell's request: enough to compare with the <see cref="Answer"/> expected and to say why not.</summary>
public sealed partial record Reply(int Status, string? Location, string Body)
{
    /// <summary>The status, and where it redirects, or what the page is called, or the start of the body.</summary>
    public override string ToString() =>
        Location is not null ? $"{Status} → {Location}"
        : PageTitle().Match(Body) is { Success: true } title ? $"{Status}: the page \"{title.Groups[1].Value.Trim()}\""
        : $"{Status}: {(Body.Length > 300 ? Body[..300] + "…" : Body)}";

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex PageTitle();
}

/// <summary>
/// An answer the matrix expects. <paramref name="Code"/> is its short form in the matrix's grid, <paramref name="Words"/>
/// what it means; <paramref name="Mismatch"/> says why a reply is not this answer (null when it is), given the id of the
/// object the cell asked for (to check a listing).
/// </summary>
public sealed record Answer(string Code, string Words, Func<Reply, string?, string?> Mismatch)
{
    public static readonly Answer Ok = Status(200, "200 OK");
    public static readonly Answer Created = Status(201, "201 Created");
    public static readonly Answer Accepted = Status(202, "202 Accepted");
    public static readonly Answer NotFound = Status(404, "404 Not Found, as for an id that does not exist");
    public static readonly Answer Unauthorised = Status(401, "401 Unauthorized: no token, or one the hub did not issue");
    public static readonly Answer Forbidden = Status(403, "403 Forbidden: the caller's role may not use the endpoint");

    /// <summary>A list that holds the object the cell asks about.</summary>
    public static readonly Answer Lists = new("lists", "200, listing the object", (reply, id) =>
        reply.Status != 200 ? $"expected 200 listing {id}, got {reply}"
        : id is null || reply.Body.Contains(id, StringComparison.OrdinalIgnoreCase) ? null
        : $"200 but {id} is not listed");

    /// <summary>A list that leaves out the object the cell asks about: a list never shows what a read would not find.</summary>
    public static readonly Answer Omits = new("omits", "200, not listing the object", (reply, id) =>
        reply.Status != 200 ? $"expected 200 without {id}, got {reply}"
        : id is not null && reply.Body.Contains(id, StringComparison.OrdinalIgnoreCase) ? $"200 and it lists {id}"
        : null);

    /// <summary>What a page does for nobody signed in: off to sign in, coming back afterwards.</summary>
    public static readonly Answer ToSignIn = Redirect(HubPages.SignInPath, "→ sign-in", "302 to the sign-in page");

    /// <summary>What a page does for a role it does not admit: the "you cannot see this page" page.</summary>
    public static readonly Answer ToForbiddenPage = Redirect("/error/403", "→ 403 page", "302 to the error page that says the role may not see it (403)");

    /// <summary>The hub's home page, which sends a role that has a home of its own there.</summary>
    public static readonly Answer PageOrHome = new("200 or → home", "200, or for a role with a home page of its own, 302 to it", (reply, _) =>
        reply.Status == 200 || (reply.Status == 302 && reply.Location is "/workspace" or "/partner" or "/board" or "/me") ? null : $"got {reply}");

    public static Answer Status(int status, string words) =>
        new($"{status}", words, (reply, _) => reply.Status == status ? null : $"expected {status}, got {reply}");

    /// <summary>A write the matrix makes on an object that has already ended: refused, so no cell changes another's object.</summary>
    public static Answer Ended(string why) => Status(409, $"409 Conflict: {why}, so the matrix changes nothing");

    /// <summary>A page that shows itself again with the service's refusal or the form's errors (a write that changes nothing).</summary>
    public static Answer PageAgain(string why) => Status(200, $"200, the page again: {why}");

    /// <summary>An object named in the body rather than the route: unknown to the caller, it is a field error, as for an id that does not exist.</summary>
    public static Answer FieldError(string field) => new($"400 {field}", $"400 naming '{field}', as for an id that does not exist", (reply, _) =>
        reply.Status == 400 && NamesField(reply.Body, field) ? null : $"expected 400 naming '{field}', got {reply}");

    public static Answer Redirect(string path, string code, string words) => new(code, words, (reply, _) =>
        reply.Status == 302 && reply.Location is { } location && location.StartsWith(path, StringComparison.OrdinalIgnoreCase) ? null : $"expected 302 to {path}, got {reply}");

    static bool NamesField(string body, string field)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public override string ToString() => Code;
}
