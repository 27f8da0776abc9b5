using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Testing.Hostile;

/// <summary>
/// How the hub must refuse a <see cref="HostileRequest"/>: never a 5xx and never a success (the request is invalid by
/// construction); a 4xx that makes sense for it (400, 404 for an address of nothing, 405 for a route no longer matched,
/// 409, 413, 415, 422); a 4xx body is problem details (an OperationOutcome under /fhir); and a 400 or 422 names a field:
/// for a mutated field, one name in its <c>errors</c> at least is that field, a field around or within it, or another field or
/// header the request made hostile (a name may be the path, or the field's own name at its end); for a body that is
/// garbage as a whole, any name (the body, or where it broke).
/// </summary>
public static class Refusal
{
    static readonly int[] Allowed = [400, 404, 405, 409, 413, 415, 422];

    /// <summary>Sends the request and says what is wrong with the answer, or null if it is a refusal as it should be.</summary>
    public static async Task<string?> FaultAsync(HttpClient client, HostileRequest request)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var fault = Judge(request, status, response.Content.Headers.ContentType?.MediaType, body);
        return fault is null ? null : $"{fault}\nThe answer: {status} {(body.Length > 1500 ? body[..1500] + "…" : body)}";
    }

    public static string? Judge(HostileRequest request, int status, string? mediaType, string body)
    {
        if (status >= 500)
        {
            return "A server error: hostile input must be refused as the client's.";
        }

        if (!Allowed.Contains(status))
        {
            return status < 400 ? "Accepted: the request is invalid by construction." : $"{status} is no refusal that makes sense for bad input from an allowed caller.";
        }

        if (body.Length == 0)
        {
            return status is 400 or 422 ? "A validation refusal with no body: it must name the field." : null;
        }

        var fhir = request.Path.StartsWith("/fhir/", StringComparison.Ordinal);
        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return $"A 4xx body that is not JSON ({e.Message}).";
        }

        if (fhir)
        {
            // An expression names a field from the resource down ("Task.identifier"): the request's paths start below it.
            return problem?["resourceType"]?.ToString() == "OperationOutcome"
                ? UnnamedIn(request, status, [.. Expressions(problem).Select(e => e.StartsWith("Task.", StringComparison.Ordinal) ? e["Task.".Length..] : e)], fhir: true)
                : "A FHIR refusal that is not an OperationOutcome.";
        }

        // A 409 may be the endpoint's own account of the conflict (an agency's answers, each with its outcome); any other refusal is problem details.
        if (status == 409 && problem is JsonObject && problem["status"] is null)
        {
            return null;
        }

        if (mediaType is not ("application/problem+json" or "application/json") || problem?["status"]?.GetValueKind() != JsonValueKind.Number || problem["status"]!.GetValue<int>() != status || problem["title"] is null)
        {
            return "A 4xx that is not problem details (a JSON object with its status and a title).";
        }

        return UnnamedIn(request, status, problem["errors"] is JsonObject errors ? [.. errors.Select(e => e.Key)] : []);
    }

    /// <summary>Where each issue is: its expressions, or for a Task the parser could not read, its diagnostics (which say "At Task.field", or the line and byte where the JSON broke).</summary>
    static List<string> Expressions(JsonNode outcome) =>
        [.. outcome["issue"]?.AsArray().SelectMany(i => i?["expression"]?.AsArray().Select(e => e!.ToString()) is { } at && at.Any() ? at : [i?["diagnostics"]?.ToString() ?? ""]) ?? []];

    static string? UnnamedIn(HostileRequest request, int status, List<string> names, bool fhir = false)
    {
        if (status is not (400 or 422))
        {
            return null;
        }

        if (names.Count == 0 || names.Any(n => n.Length == 0))
        {
            return "A validation refusal that names no field.";
        }

        // At least one name is what the request made hostile; others may follow from it (an agency whose plan section was removed).
        return request.Named is null || names.Any(n => request.Named.Any(m => Related(n, m) || (fhir && (n.Contains(Leaf(m), StringComparison.OrdinalIgnoreCase) || n.Contains("(line ", StringComparison.Ordinal)))))
            ? null
            : $"A validation refusal naming {string.Join(", ", names)}, none of which the request made hostile (it made {string.Join(", ", request.Named)} hostile).";
    }

    static bool Related(string name, string hostile)
    {
        var n = Normalise(name);
        var h = Normalise(hostile);
        return n == h || h.StartsWith(n + ".", StringComparison.Ordinal) || n.StartsWith(h + ".", StringComparison.Ordinal)
            || n.EndsWith("." + h, StringComparison.Ordinal) || h.EndsWith("." + n, StringComparison.Ordinal);
    }

    /// <summary>The field's own name: for an item of an array, the array's (the SDK counts a null item's place its own way).</summary>
    static string Leaf(string path) => Normalise(path).Split('.').Last(segment => !segment.All(char.IsAsciiDigit));

    static string Normalise(string path) => path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).TrimStart('$').Trim('.').ToLowerInvariant();
}
