using System.Text.Json.Nodes;

namespace IntegrationHub.Contracts.Tests.Versioning;

/// <summary>
/// What in a new version of a V1 schema would break a partner built on the old one: a removed
/// property, a newly required one, a type set that shrinks, a format or pattern added or changed, or a
/// removed enum value. Anything else (a new optional property, a new enum value, a new description) is additive.
/// </summary>
public static class SchemaCompatibility
{
    /// <summary>Each breaking change, as the JSON pointer where it is and what changed.</summary>
    public static IReadOnlyList<string> Breaks(JsonNode? before, JsonNode? after) => [.. Compare(before as JsonObject, after as JsonObject, "#")];

    static IEnumerable<string> Compare(JsonObject? before, JsonObject? after, string at)
    {
        if (before is null || after is null)
        {
            yield break;
        }

        var types = Strings(after["type"]);
        foreach (var removed in Strings(before["type"]).Except(types).Where(_ => types.Count > 0))
        {
            yield return $"{at}: no longer allows type '{removed}'.";
        }

        foreach (var keyword in new[] { "format", "pattern" })
        {
            var was = before[keyword]?.ToString();
            var now = after[keyword]?.ToString();
            if (now is not null && now != was)
            {
                yield return $"{at}: {keyword} '{now}' narrows what was {(was is null ? "unconstrained" : $"'{was}'")}.";
            }
        }

        if (before["enum"] is JsonArray oldValues)
        {
            var newValues = after["enum"] as JsonArray;
            foreach (var value in oldValues.Where(v => newValues is null ? false : !newValues.Any(n => JsonNode.DeepEquals(n, v))))
            {
                yield return $"{at}: enum value {value?.ToJsonString() ?? "null"} removed.";
            }
        }
        else if (after["enum"] is not null)
        {
            yield return $"{at}: an enum now closes what was open.";
        }

        foreach (var required in Strings(after["required"]).Except(Strings(before["required"])))
        {
            yield return $"{at}/required: '{required}' is newly required.";
        }

        var oldProperties = before["properties"] as JsonObject;
        var newProperties = after["properties"] as JsonObject;
        foreach (var (name, schema) in oldProperties ?? [])
        {
            if (newProperties?[name] is not { } now)
            {
                yield return $"{at}/properties/{name}: removed.";
                continue;
            }

            foreach (var change in Compare(schema as JsonObject, now as JsonObject, $"{at}/properties/{name}"))
            {
                yield return change;
            }
        }

        foreach (var change in Compare(before["items"] as JsonObject, after["items"] as JsonObject, $"{at}/items"))
        {
            yield return change;
        }
    }

    static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(n => n!.GetValue<string>())],
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };
}
