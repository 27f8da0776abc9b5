using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Contracts.Tests.Versioning;

/// <summary>
/// What a new version of a published schema breaks for a partner built on the old one: a property removed, a
/// property newly required, a type narrowed (a JSON type dropped, or a format, pattern, length limit or list of
/// codes put on a value that had none or a tighter one), or a code removed. Adding an optional property, a
/// code, or a whole document breaks nothing. Both schemas are read as the generator writes them:
/// <c>properties</c>, <c>required</c>, <c>items</c>, <c>$defs</c>, and the codes of <c>enum</c> or of a <c>oneOf</c> of <c>const</c>s.
/// </summary>
public static class SchemaChanges
{
    static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Breaking(JsonNode? before, JsonNode? after)
    {
        List<string> found = [];
        Compare(before as JsonObject, after as JsonObject, "#", found);
        return found;
    }

    static void Compare(JsonObject? before, JsonObject? after, string at, List<string> found)
    {
        if (before is null)
        {
            return;
        }

        if (after is null)
        {
            found.Add($"{at}: the schema is gone.");
            return;
        }

        var typesBefore = Types(before);
        var typesAfter = Types(after);
        if (typesBefore is not null && (typesAfter is null ? false : typesBefore.Except(typesAfter).Any()))
        {
            found.Add($"{at}: type narrowed from [{string.Join(", ", typesBefore)}] to [{string.Join(", ", typesAfter!)}].");
        }
        else if (typesBefore is null && typesAfter is not null)
        {
            found.Add($"{at}: type narrowed from any to [{string.Join(", ", typesAfter)}].");
        }

        foreach (var keyword in new[] { "format", "pattern", "const" })
        {
            var was = before[keyword]?.ToJsonString(AsWritten);
            var now = after[keyword]?.ToJsonString(AsWritten);
            if (now is not null && now != was)
            {
                found.Add(was is null ? $"{at}: '{keyword}' {now} added." : $"{at}: '{keyword}' changed from {was} to {now}.");
            }
        }

        Limit(before, after, "maxLength", tighterIfSmaller: true, at, found);
        Limit(before, after, "maxItems", tighterIfSmaller: true, at, found);
        Limit(before, after, "minLength", tighterIfSmaller: false, at, found);
        Limit(before, after, "minItems", tighterIfSmaller: false, at, found);

        var codesBefore = Codes(before);
        var codesAfter = Codes(after);
        if (codesAfter is not null)
        {
            if (codesBefore is null)
            {
                found.Add($"{at}: a list of codes added where any value was allowed.");
            }
            else
            {
                found.AddRange(codesBefore.Except(codesAfter).Select(code => $"{at}: code '{code}' removed."));
            }
        }

        if (after["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>() && before["additionalProperties"] is not JsonValue)
        {
            found.Add($"{at}: additional properties no longer allowed.");
        }

        var requiredBefore = Names(before["required"]);
        found.AddRange(Names(after["required"]).Except(requiredBefore).Select(name => $"{at}/properties/{name}: newly required."));

        var propertiesAfter = after["properties"] as JsonObject;
        foreach (var (name, schema) in before["properties"] as JsonObject ?? [])
        {
            if (propertiesAfter?[name] is not JsonObject next)
            {
                found.Add($"{at}/properties/{name}: removed.");
                continue;
            }

            Compare(schema as JsonObject, next, $"{at}/properties/{name}", found);
        }

        Compare(before["items"] as JsonObject, after["items"] as JsonObject, $"{at}/items", found);
        foreach (var (name, schema) in before["$defs"] as JsonObject ?? [])
        {
            Compare(schema as JsonObject, after["$defs"]?[name] as JsonObject, $"{at}/$defs/{name}", found);
        }
    }

    static string[]? Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue one => [one.GetValue<string>()],
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        _ => null,
    };

    static HashSet<string>? Codes(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            return [.. values.Select(v => v?.ToJsonString() ?? "null")];
        }

        if (schema["oneOf"] is JsonArray options && options.All(o => o?["const"] is not null))
        {
            return [.. options.Select(o => o!["const"]!.ToJsonString())];
        }

        return null;
    }

    static IEnumerable<string> Names(JsonNode? required) =>
        required is JsonArray names ? names.Select(n => n!.GetValue<string>()) : [];

    static long Number(JsonValue value) => long.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    static void Limit(JsonObject before, JsonObject after, string keyword, bool tighterIfSmaller, string at, List<string> found)
    {
        if (after[keyword] is not JsonValue now)
        {
            return;
        }

        var limit = Number(now);
        if (before[keyword] is not JsonValue was)
        {
            found.Add($"{at}: '{keyword}' {limit} added.");
        }
        else if (tighterIfSmaller ? limit < Number(was) : limit > Number(was))
        {
            found.Add($"{at}: '{keyword}' tightened from {Number(was)} to {limit}.");
        }
    }
}
