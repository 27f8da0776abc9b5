using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntegrationHub.Testing.Hostile;

/// <summary>
/// A write endpoint as a caller allowed to write there reaches it: its route (as the OpenAPI document writes it, e.g.
/// <c>/api/referrals/{id}</c>), the values of its route parameters, a sound body of the right shape, its content type and
/// the headers it needs, and its request body's schema from the OpenAPI document (null where the document gives none).
/// </summary>
/// <param name="GuidParameters">The route parameters that take a GUID, so that anything else is no address of it.</param>
/// <param name="AlreadyWrong">Fields the body gets wrong on purpose (a write that is refused for them whatever else it sends): a refusal may name them too.</param>
public sealed partial record WriteEndpoint(
    string Method,
    string Route,
    IReadOnlyDictionary<string, string> RouteValues,
    IReadOnlySet<string> GuidParameters,
    string? Body,
    string ContentType,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Schema,
    IReadOnlyList<string> AlreadyWrong)
{
    public string Path => RouteParameter().Replace(Route, m => Uri.EscapeDataString(RouteValues[m.Groups["name"].Value]));

    public override string ToString() => $"{Method} {Route}";

    /// <summary>The route as the OpenAPI document writes it: route constraints dropped.</summary>
    public static string OpenApiRoute(string routePattern) => RouteParameter().Replace(routePattern, m => $"{{{m.Groups["name"].Value}}}");

    /// <summary>The route parameters of a route pattern and what each is in a filled-in path, segment by segment.</summary>
    public static IReadOnlyDictionary<string, string> ValuesIn(string routePattern, string path)
    {
        var pattern = routePattern.Split('/');
        var segments = path.Split('?')[0].Split('/');
        return pattern.Zip(segments)
            .Select(p => (Match: RouteParameter().Match(p.First), Value: Uri.UnescapeDataString(p.Second)))
            .Where(p => p.Match.Success)
            .ToDictionary(p => p.Match.Groups["name"].Value, p => p.Value);
    }

    /// <summary>The route parameters of a route pattern constrained to GUIDs.</summary>
    public static IReadOnlySet<string> GuidParametersOf(string routePattern) =>
        RouteParameter().Matches(routePattern).Where(m => m.Value.Contains(":guid", StringComparison.Ordinal)).Select(m => m.Groups["name"].Value).ToHashSet();

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}

/// <summary>What the hub's OpenAPI document says about its writes.</summary>
public static class OpenApiWrites
{
    static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];

    /// <summary>Every write the document lists under <c>/api</c> and <c>/fhir</c>, as "POST /api/referrals".</summary>
    public static IReadOnlyList<string> Of(JsonNode document) =>
        [.. document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal) || p.Key.StartsWith("/fhir/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(o => WriteMethods.Contains(o.Key)).Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))];

    /// <summary>The JSON schema of a write's request body, or null where it takes none in JSON.</summary>
    public static JsonNode? RequestSchema(JsonNode document, string method, string route)
    {
        var content = document["paths"]?[route]?[method.ToLowerInvariant()]?["requestBody"]?["content"]?.AsObject();
        var json = content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value;
        return json?["schema"] is { } schema ? Resolve(document, schema) : null;
    }

    /// <summary>A schema with its reference followed and a nullable wrapper (anyOf/oneOf with null) unwrapped.</summary>
    public static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = reference.TrimStart('#', '/').Split('/').Aggregate<string, JsonNode>(document, (node, part) => node[part] ?? throw new InvalidOperationException($"The OpenAPI document has no {reference}."));
            }
            else if ((schema["anyOf"] ?? schema["oneOf"] ?? schema["allOf"])?.AsArray().FirstOrDefault(s => s?["type"]?.ToString() != "null") is { } inner)
            {
                schema = inner;
            }
            else
            {
                return schema;
            }
        }

        throw new InvalidOperationException("The OpenAPI document's references go round in a circle.");
    }
}
