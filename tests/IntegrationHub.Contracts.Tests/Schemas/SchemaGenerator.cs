using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IntegrationHub.Contracts.V1;
using static IntegrationHub.Contracts.Tests.PartnerDocuments;

namespace IntegrationHub.Contracts.Tests.Schemas;

/// <summary>
/// Writes the JSON Schema of a published document from the record that writes (or reads) it:
/// <see cref="JsonSchemaExporter"/> gives the shape, and each node is then made true to the wire and
/// useful to a partner. Documents the hub writes in an agency's format leave out what is null, so a
/// property is required exactly when it cannot be null and no property is ever null; the hub's own
/// messages, in MassTransit's envelope, are written with null, so every property is required and a
/// nullable one may be null. Answers an agency sends are read by
/// an all-nullable record, so their required fields (and those of each status or type) are what the
/// translator requires (<see cref="AnswerRules"/>). Every property and document takes its XML comment as
/// its description; a coded property takes the code list its comment names (<see cref="CodeList"/>)
/// as an <c>enum</c> and an <c>anyOf</c> of <c>const</c> with a description each; an identifier takes its
/// <see cref="IdentifierPatterns"/> pattern; each document takes its golden file as its example.
/// </summary>
public static class SchemaGenerator
{
    /// <summary>What the hub checks of a code from an agency's own list (<c>FieldErrors.Code</c>).</summary>
    const string OwnCodeDescription = "Another code of the agency's own.";

    const string NotGivenDescription = "Not given.";

    static readonly XmlDocs Docs = new(All.Select(d => d.Type.Assembly).Append(typeof(IdentifierPatterns).Assembly).Append(typeof(IntegrationHub.Adapters.Channels.Formats.AgeBands).Assembly));
    static readonly NullabilityInfoContext Nullability = new();

    public static JsonNode Generate(Document document)
    {
        var exported = document.Json.GetJsonSchemaAsNode(document.Type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(document, context, node),
        });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:care-leaver-hub:schemas:{document.Name}",
            ["title"] = document.Type.Name,
        };
        foreach (var (key, value) in exported.AsObject())
        {
            root[key] = value?.DeepClone();
        }

        if (document.Translate is { } translate)
        {
            Require(root, Learn(document, translate));
        }

        if (document.Example is { } example)
        {
            root["examples"] = new JsonArray(JsonNode.Parse(File.ReadAllText(example)));
        }

        return root;
    }

    static JsonNode Transform(Document document, JsonSchemaExporterContext context, JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        var property = context.PropertyInfo?.AttributeProvider as PropertyInfo;
        var comment = property is null ? null : Docs.Comment(property);
        if (property is not null && document.Translate is null && LeavesOutNull(document))
        {
            // Written with WhenWritingNull: a property is left out rather than sent as null.
            WithoutNull(schema);
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && schema.ContainsKey("properties"))
        {
            schema.Remove("required");
            if (document.Translate is null)
            {
                // Left out when null, a nullable property is optional; written as null, every property is always there.
                schema["required"] = new JsonArray([.. context.TypeInfo.Properties.Where(p => !LeavesOutNull(document) || !IsNullable(p)).Select(p => (JsonNode)p.Name)]);
            }

            if (IdentifierValuePatterns(context.TypeInfo) is { } patterns)
            {
                schema["allOf"] = patterns;
            }
        }

        if ((comment is null ? Docs.Summary(context.TypeInfo.Type) : XmlDocs.Text(comment)) is { Length: > 0 } description)
        {
            schema["description"] = description;
        }

        if (comment is not null)
        {
            Constrain(schema, comment);
        }

        return schema;
    }

    /// <summary>A code list the comment names, on the value or on an array's items; or an identifier pattern.</summary>
    static void Constrain(JsonObject schema, System.Xml.Linq.XElement comment)
    {
        var target = schema["items"] as JsonObject ?? schema;
        if (CodeList.Named(Docs, comment) is { } list)
        {
            // enum closes the list; anyOf of const gives each code its description (anyOf, as the enum already
            // says which codes are allowed, and so that a validator without const reads the enum alone).
            JsonArray described = [.. list.Codes.Select(c => (JsonNode)new JsonObject { ["const"] = c.Code, ["description"] = c.Description })];
            if (list.Closed)
            {
                JsonArray codes = [.. list.Codes.Select(c => (JsonNode)c.Code)];
                if (IsNullableType(target))
                {
                    codes.Add(null);
                    described.Add(new JsonObject { ["type"] = "null", ["description"] = NotGivenDescription });
                }

                target["enum"] = codes;
            }
            else
            {
                described.Add(new JsonObject { ["pattern"] = IntegrationHub.ServiceDefaults.FieldErrors.OwnCodePattern, ["description"] = OwnCodeDescription });
                if (IsNullableType(target))
                {
                    described.Add(new JsonObject { ["type"] = "null", ["description"] = NotGivenDescription });
                }
            }

            target["anyOf"] = described;
        }

        foreach (var (_, reference) in Docs.References(comment))
        {
            if (reference is FieldInfo { IsLiteral: true } field && field.DeclaringType == typeof(IdentifierPatterns))
            {
                target["pattern"] = (string)field.GetRawConstantValue()!;
            }
        }
    }

    /// <summary>
    /// A <c>{type, value}</c> identifier whose type is coded by <see cref="IdentifierTypes"/>: each type's value
    /// takes the <see cref="IdentifierPatterns"/> pattern of the same name.
    /// </summary>
    static JsonArray? IdentifierValuePatterns(JsonTypeInfo type)
    {
        var typeProperty = type.Properties.FirstOrDefault(p => p.AttributeProvider is PropertyInfo { Name: "Type" } info
            && CodeList.Named(Docs, Docs.Comment(info))?.Type == typeof(IdentifierTypes));
        var valueProperty = type.Properties.FirstOrDefault(p => p.AttributeProvider is PropertyInfo { Name: "Value" });
        if (typeProperty is null || valueProperty is null)
        {
            return null;
        }

        return
        [
            .. typeof(IdentifierTypes).GetFields().Where(f => f.IsLiteral).Select(f => (JsonNode)new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { [typeProperty.Name] = new JsonObject { ["const"] = (string)f.GetRawConstantValue()! } } },
                ["then"] = new JsonObject
                {
                    ["properties"] = new JsonObject
                    {
                        [valueProperty.Name] = new JsonObject { ["pattern"] = (string)typeof(IdentifierPatterns).GetField(f.Name)!.GetRawConstantValue()! },
                    },
                },
            }),
        ];
    }

    static AnswerRules Learn(Document document, Func<string, object> translate)
    {
        var type = document.Json.GetTypeInfo(document.Type);
        var closed = type.Properties
            .Select(p => (p.Name, List: p.AttributeProvider is PropertyInfo info ? CodeList.Named(Docs, Docs.Comment(info)) : null))
            .Where(p => p.List is { Closed: true })
            .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[.. p.List!.Codes.Select(c => c.Code)]);
        return AnswerRules.Learn(translate, closed);
    }

    /// <summary>The answer's required fields, and an <c>if</c>/<c>then</c> for those only some codes require.</summary>
    static void Require(JsonObject root, AnswerRules rules)
    {
        Required(root, rules.Always);
        if (rules.Cases.Count == 0)
        {
            return;
        }

        root["allOf"] = new JsonArray([.. rules.Cases.Select(c =>
        {
            var then = new JsonObject();
            Required(then, c.Requires);
            return (JsonNode)new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject([.. c.When.Select(w => KeyValuePair.Create(w.Key, (JsonNode?)new JsonObject { ["const"] = w.Value }))]),
                    ["required"] = new JsonArray([.. c.When.Keys.Select(k => (JsonNode)k)]),
                },
                ["then"] = then,
            };
        })]);
    }

    /// <summary>Marks dotted paths required on a schema, the parents of a nested one too.</summary>
    static void Required(JsonObject schema, IEnumerable<string> paths)
    {
        foreach (var group in paths.Select(p => p.Split('.', 2)).GroupBy(p => p[0]))
        {
            var required = schema["required"] as JsonArray ?? (JsonArray)(schema["required"] = new JsonArray());
            required.Add(group.Key);
            var nested = group.Where(p => p.Length == 2).Select(p => p[1]).ToList();
            if (nested.Count > 0)
            {
                var properties = schema["properties"] as JsonObject ?? (JsonObject)(schema["properties"] = new JsonObject());
                var child = properties[group.Key] as JsonObject ?? (JsonObject)(properties[group.Key] = new JsonObject());
                Required(child, nested);
            }
        }
    }

    static bool LeavesOutNull(Document document) =>
        document.Json.DefaultIgnoreCondition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault;

    static bool IsNullable(JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (property.AttributeProvider is PropertyInfo info && !info.PropertyType.IsValueType && Nullability.Create(info).ReadState != NullabilityState.NotNull);

    static bool IsNullableType(JsonObject schema) => schema["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    static void WithoutNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types)
        {
            var kept = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            schema["type"] = kept.Count == 1 ? kept[0] : new JsonArray([.. kept.Select(t => (JsonNode)t)]);
        }
    }
}
