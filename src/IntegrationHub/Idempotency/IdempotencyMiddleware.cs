using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Security;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Idempotency;

/// <summary>
/// Makes a POST to an <see cref="IdempotentAttribute">idempotent</see> endpoint or page happen once per key. The key
/// (1 to 100 printable ASCII characters) is the caller's own, for that endpoint. The first request with a key runs with
/// the key claimed in its unit of work (<see cref="IdempotencyStore"/>); a success is kept and committed with what it
/// changed. A repeat with the same key and the same request (route values, query and raw body) gets the kept response
/// again, marked <c>Idempotent-Replayed: true</c>, and changes nothing; with another request it is a 409. A repeat made
/// while the first still runs waits for it, then does the same; after <see cref="IdempotencyOptions.WaitForFirst"/> it is
/// a 409 "still in progress" with a Retry-After. A failure that changed nothing is not kept: the key may be used again.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    /// <summary>Told to a repeat that came while the first request ran on past the wait: by then it is unusually slow.</summary>
    static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint() is not RouteEndpoint endpoint
            || endpoint.Metadata.GetMetadata<IdempotentAttribute>() is not { } idempotent)
        {
            await next(http);
            return;
        }

        var cancellationToken = http.RequestAborted;
        http.Request.EnableBuffering();
        var key = await KeyAsync(http.Request, idempotent.Header, cancellationToken);
        if (key is null && !idempotent.Required)
        {
            await next(http);
            return;
        }

        if (key is null || !IsValid(key))
        {
            await RefuseAsync(http, Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [idempotent.Header] = [$"Send an {idempotent.Header} header of 1 to {IdempotentAttribute.MaxKeyLength} printable ASCII characters, unique to the request."],
            }));
            return;
        }

        var user = HubUser.From(http.User);
        var scope = new KeyScope(
            user.TenantId,
            user.Organisation is { } organisation ? $"organisation:{user.Agency}/{organisation}" : $"user:{user.Id}",
            http.Request.Method,
            endpoint.RoutePattern.RawText ?? http.Request.Path,
            key);
        var hash = await HashAsync(http.Request, cancellationToken);
        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var deadline = clock.GetUtcNow() + options.Value.WaitForFirst;
        while (true)
        {
            // Claimed at once, as a new key almost always is; a key already used is found after the claim fails.
            switch (await store.ClaimAsync(scope, hash, cancellationToken))
            {
                case KeyClaim.Claimed claimed:
                    await using (claimed.Transaction)
                    {
                        await RunAsync(http, store, scope, claimed, idempotent);
                    }

                    return;

                case KeyClaim.Taken when await store.FindAsync(scope, cancellationToken) is { } first:
                    await (first.RequestHash == hash ? ReplayAsync(http, first, user) : RefuseAsync(http, AnotherRequest(idempotent.Header, key)));
                    return;

                // Committed by another request, and purged since at the end of its retention: the key is free to claim again.
                case KeyClaim.Taken when clock.GetUtcNow() < deadline:
                    continue;

                default:
                    logger.LogWarning("A repeat of {Method} {Route} gave up waiting for the first request with its key", scope.Method, scope.Route);
                    http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    await RefuseAsync(http, Results.Problem(
                        title: "Request still in progress",
                        detail: $"A request with {idempotent.Header} '{key}' is still being handled; try again shortly to get its result.",
                        statusCode: StatusCodes.Status409Conflict));
                    return;
            }
        }
    }

    /// <summary>Runs the endpoint into a buffer, so that its response is known, and kept, before it is committed and sent.</summary>
    async Task RunAsync(HttpContext http, IdempotencyStore store, KeyScope scope, KeyClaim.Claimed claimed, IdempotentAttribute idempotent)
    {
        var sent = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = sent;
        }

        var body = buffer.ToArray();
        if (idempotent.Keeps(http.Response.StatusCode))
        {
            var headers = IdempotencyStore.ReplayedHeaders
                .Where(name => http.Response.Headers.ContainsKey(name))
                .ToDictionary(name => name, name => http.Response.Headers[name].ToString());
            await store.KeepAsync(scope, claimed, http.Response.StatusCode, headers, body);
        }
        else
        {
            await store.ReleaseAsync(scope, claimed);
        }

        await sent.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>The first response again. What it shows is read again, so it is audited again.</summary>
    static async Task ReplayAsync(HttpContext http, IdempotencyKey first, HubUser user)
    {
        if (first.Disclosed.Count > 0)
        {
            await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(user, first.Disclosed, http.RequestAborted);
        }

        http.Response.StatusCode = first.StatusCode;
        foreach (var (name, value) in first.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.Headers[IdempotentAttribute.ReplayedHeader] = "true";
        await http.Response.Body.WriteAsync(first.Body, http.RequestAborted);
    }

    static IResult AnotherRequest(string header, string key) => Results.Problem(
        title: $"{header} already used",
        detail: $"{header} '{key}' was already used for a different request to this endpoint; send a new {header} for a new request.",
        statusCode: StatusCodes.Status409Conflict);

    /// <summary>
    /// A refusal as problem details; a page's as its status alone, which the pages' status code page shows (a form
    /// post is answered with a page, not JSON).
    /// </summary>
    static Task RefuseAsync(HttpContext http, IResult problem)
    {
        if (!HubPages.IsPageRequest(http))
        {
            return problem.ExecuteAsync(http);
        }

        http.Response.StatusCode = problem is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    /// <summary>The key in the header, or for a page's form, which cannot send a header, in the form field of that name.</summary>
    static async Task<string?> KeyAsync(HttpRequest request, string header, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValue(header, out var values))
        {
            return values.Count == 1 ? values.ToString() : "";
        }

        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        request.Body.Position = 0;
        return form.TryGetValue(header, out var field) ? (field.Count == 1 ? field.ToString() : "") : null;
    }

    static bool IsValid(string key) =>
        key.Length is > 0 and <= IdempotentAttribute.MaxKeyLength && key.All(c => c is >= ' ' and <= '~');

    /// <summary>SHA-256 of the route values, the query and the raw body: what makes a repeat the same request.</summary>
    static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var route = request.RouteValues.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new[] { v.Key, v.Value?.ToString() });
        sha.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { route, query = request.QueryString.Value })));
        var chunk = new byte[16 * 1024];
        request.Body.Position = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
