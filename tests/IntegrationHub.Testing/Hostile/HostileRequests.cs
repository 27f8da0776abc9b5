using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace IntegrationHub.Testing.Hostile;

/// <summary>
/// Requests to one write endpoint that must each be refused, made from its sound body and its OpenAPI schema. Each has
/// exactly one fault that makes it invalid whatever the hub's rules (so any 2xx is a defect, and the database must be
/// unchanged afterwards): one field mutated (wrong JSON type, null or missing where required, broken text, a malformed
/// GUID or date, a number out of range, an unknown enum value, nesting too deep, a huge array of the wrong items), the
/// whole body garbage, a content type the endpoint does not read, or a route parameter that addresses nothing. Around
/// that fault it carries hostile company that is harmless by itself: exotic text in the other text fields, extra
/// properties, a hostile query string and odd headers.
/// </summary>
public static class HostileRequests
{
    const string Marker = "\u0001hostile\u0001";

    // Not Accept: a client that accepts no JSON is answered with a status and no body, by content negotiation, whatever it sent.
    static readonly string[] HostileHeaders = ["Idempotency-Key", "X-Request-Id", "X-Correlation-Id", "Accept-Language", "If-Match"];

    /// <summary>Header values a client could put on the wire: printable, some of them long, none with CR, LF or NUL (which no server receives).</summary>
    static readonly Gen<string> HeaderValue = Gen.OneOf<string>(
        Gen.OneOf("", " ", "null", "00000000-0000-0000-0000-000000000000", "*", "'; DROP TABLE x; --", "<script>", "ümlaut-é", "😀", "a,b,c", "\"quoted\"", "-1"),
        Gen.String[Gen.Char[' ', '~'], 1, 300],
        Gen.Char['a', 'z'].Array[4_000, 12_000].Select(c => new string(c)));

    static readonly Gen<string> Query = Gen.Select(Gen.OneOf("x", "handler", "$filter", "id", "tenant", "__proto__", "page[size]"), HostileText.Exotic)
        .Select((name, value) => $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value.Length > 2000 ? value[..2000] : value)}")
        .Array[0, 3]
        .Select(parts => parts.Length == 0 ? "" : $"?{string.Join('&', parts)}");

    /// <summary>The hostile requests to one endpoint; its schema's references are resolved in <paramref name="openApi"/>.</summary>
    public static Gen<HostileRequest> For(WriteEndpoint endpoint, JsonNode openApi)
    {
        var body = endpoint.Body is null ? null : JsonNode.Parse(endpoint.Body);
        var fields = body is null ? [] : Fields(body, "", endpoint.Schema, s => s is null ? null : OpenApiWrites.Resolve(openApi, s), [], 0).ToList();
        var faults = new List<Gen<Fault>> { RouteFaults(endpoint) };
        if (body is not null)
        {
            faults.Add(WholeBodyFaults(endpoint));
            faults.Add(ContentTypeFaults(endpoint));
            faults.AddRange(fields.Select(FieldFaults));
        }

        var company = Gen.Select(
            Gen.Select(Gen.Int[0, Math.Max(0, fields.Count - 1)], HostileText.Exotic).Array[0, 3],
            Query,
            Gen.Select(Gen.OneOf(HostileHeaders), HeaderValue).Array[0, 3],
            Gen.Bool,
            (texts, query, headers, extra) => new Company(texts, query, headers, extra));
        return Gen.Select(Gen.OneOf<Fault>([.. faults]), company, (fault, extras) => Make(endpoint, body, fields, fault, extras));
    }

    /// <summary>What goes with the fault: exotic text for some fields (by index), a query string, odd headers, and whether to add extra properties.</summary>
    sealed record Company((int Field, string Text)[] Texts, string Query, (string Name, string Value)[] Headers, bool ExtraProperties);

    static HostileRequest Make(WriteEndpoint endpoint, JsonNode? body, List<Field> fields, Fault fault, Company company)
    {
        var named = fault.Named is null ? null : new List<string>([.. fault.Named, .. endpoint.AlreadyWrong]);
        var headers = endpoint.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in company.Headers)
        {
            headers[name] = value;
            named?.Add(name);
        }

        var path = (fault.Path ?? endpoint.Path) + company.Query;
        if (fault.Bytes is not null || body is null)
        {
            return new HostileRequest(endpoint.Method, path, [.. headers], fault.ContentType ?? endpoint.ContentType, fault.Bytes, fault.What, named);
        }

        var edited = body.DeepClone();
        var raws = new List<string>();
        if (fault.Field is { } target)
        {
            Replace(edited, target, fault.Raw, raws);
        }

        // Exotic text in other text fields: refused for a reason of its own (named) or taken as text; the fault refuses the request either way.
        foreach (var (field, text) in company.Texts.Where(t => t.Field < fields.Count).DistinctBy(t => t.Field).Select(t => (fields[t.Field], t.Text)))
        {
            if (field.IsPlainText && field.Path != fault.Field?.Path && !IsWithin(fault.Field, field) && !IsWithin(field, fault.Field))
            {
                Replace(edited, field, text, raws);
                named?.Add(field.Path);
            }
        }

        if (edited is JsonObject root && company.ExtraProperties)
        {
            root[$"extra{Marker}{raws.Count}"] = Marker + raws.Count;
            raws.Add("{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"__proto__\":{\"admin\":true},\"constructor\":[]}");
            named?.Add("extra\u202e");
        }

        var json = edited.ToJsonString();
        for (var i = 0; i < raws.Count; i++)
        {
            json = json.Replace($"\"{Escaped(Marker)}{i}\"", raws[i], StringComparison.Ordinal).Replace($"extra{Escaped(Marker)}{i}", "extra\\u202e", StringComparison.Ordinal);
        }

        return new HostileRequest(endpoint.Method, path, [.. headers], fault.ContentType ?? endpoint.ContentType, Encoding.UTF8.GetBytes(json), fault.What, named);
    }

    static string Escaped(string marker) => JsonSerializer.Serialize(marker)[1..^1];

    static bool IsWithin(Field? outer, Field? inner) => outer is not null && inner is not null && inner.Path.StartsWith(outer.Path, StringComparison.Ordinal);

    /// <summary>Puts a marker where the field is (or removes it, for a raw value of null meaning "missing"), to be replaced by raw JSON after serialising.</summary>
    static void Replace(JsonNode root, Field field, string? raw, List<string> raws)
    {
        var parent = field.ParentPath.Aggregate(root, (node, step) => step is int index ? node[index]! : node[(string)step]!);
        JsonNode? marker = raw is null ? null : JsonValue.Create(Marker + raws.Count);
        if (raw is not null)
        {
            raws.Add(raw);
        }

        switch (field.Key)
        {
            case int index:
                parent.AsArray()[index] = marker;
                break;
            case string name when raw is null:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent[name] = marker;
                break;
        }
    }

    /// <summary>One field of the sound body: where it is, what it holds and what the schema says of it.</summary>
    sealed record Field(string Path, IReadOnlyList<object> ParentPath, object Key, JsonValueKind Kind, string? Format, IReadOnlyList<string> Enum, bool Required)
    {
        public bool IsPlainText => Kind == JsonValueKind.String && Format is null && Enum.Count == 0;
    }

    static IEnumerable<Field> Fields(JsonNode node, string path, JsonNode? schema, Func<JsonNode?, JsonNode?> resolve, IReadOnlyList<object> at, int depth)
    {
        if (depth > 5)
        {
            yield break;
        }

        switch (node)
        {
            case JsonObject obj:
                var required = schema?["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
                foreach (var (name, value) in obj.ToList())
                {
                    var inner = resolve(schema?["properties"]?[name]);
                    var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
                    yield return Describe(fieldPath, at, name, value, inner, required.Contains(name));
                    if (value is not null)
                    {
                        foreach (var nested in Fields(value, fieldPath, inner, resolve, [.. at, name], depth + 1))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonArray array when array.Count > 0 && array[0] is { } first:
                var items = resolve(schema?["items"]);
                yield return Describe($"{path}[0]", at, 0, first, items, required: true);
                foreach (var nested in Fields(first, $"{path}[0]", items, resolve, [.. at, 0], depth + 1))
                {
                    yield return nested;
                }

                break;
        }
    }

    static Field Describe(string path, IReadOnlyList<object> at, object key, JsonNode? value, JsonNode? schema, bool required) => new(
        path, at, key, value?.GetValueKind() ?? JsonValueKind.Null, schema?["format"]?.GetValue<string>(),
        schema?["enum"]?.AsArray().Select(e => e?.ToString() ?? "").ToList() ?? [], required);

    /// <summary>The one thing wrong with a request.</summary>
    /// <param name="Raw">For a field: the raw JSON it is given, or null for "missing".</param>
    /// <param name="Bytes">For the whole body: what is sent instead of it.</param>
    sealed record Fault(string What, IReadOnlyList<string>? Named, Field? Field = null, string? Raw = null, byte[]? Bytes = null, string? ContentType = null, string? Path = null);

    static Gen<Fault> FieldFaults(Field field)
    {
        var wrongType = field.Kind switch
        {
            JsonValueKind.String => Gen.OneOf("{}", "[]", "true", "12.5", "{\"a\":[1]}"),
            JsonValueKind.Number => Gen.OneOf("{}", "[]", "true", "\"twelve\"", "\"\""),
            JsonValueKind.True or JsonValueKind.False => Gen.OneOf("\"yes\"", "1", "{}", "[]"),
            JsonValueKind.Object => Gen.OneOf("\"text\"", "1", "[]", "true"),
            JsonValueKind.Array => Gen.OneOf("\"text\"", "1", "{}", "true"),
            _ => Gen.OneOf("{}", "[]"),
        };
        var named = new[] { field.Path };
        var faults = new List<Gen<Fault>>
        {
            wrongType.Select(raw => new Fault($"{field.Path}: the wrong JSON type", named, field, raw)),
            Gen.Int[65, 400].Select(depth => new Fault($"{field.Path}: nested {depth} deep", named, field, new string('[', depth) + new string(']', depth))),
        };
        if (field.Required)
        {
            faults.Add(Gen.Const(new Fault($"{field.Path}: null where required", named, field, "null")));
            if (field.Key is string)
            {
                faults.Add(Gen.Const(new Fault($"{field.Path}: missing where required", named, field)));
            }
        }

        switch (field.Kind)
        {
            case JsonValueKind.String when field.Format is "uuid":
                faults.Add(HostileText.Exotic.Where(t => !Guid.TryParse(JsonNode.Parse(t)!.GetValue<string>(), out _)).Select(t => new Fault($"{field.Path}: not a GUID", named, field, t)));
                break;
            case JsonValueKind.String when field.Format is "date" or "date-time":
                faults.Add(Gen.OneOf("\"2024-02-30\"", "\"31/12/2024\"", "\"2024-13-01\"", "\"yesterday\"", "\"\"", "\"0000-00-00\"", "\"2024-01-01T25:00:00Z\"", "\"+275760-09-13\"", "\"2024-1-1\"")
                    .Select(t => new Fault($"{field.Path}: a malformed date", named, field, t)));
                break;
            case JsonValueKind.String when field.Enum.Count > 0:
                faults.Add(HostileText.Exotic.Where(t => !field.Enum.Contains(JsonNode.Parse(t)!.GetValue<string>(), StringComparer.OrdinalIgnoreCase))
                    .Select(t => new Fault($"{field.Path}: a value not in its enum", named, field, t)));
                break;
            case JsonValueKind.Number:
                faults.Add(Gen.OneOf("1e400", "-1e400", "99999999999999999999999999999", "1.5", "-2147483649", "2147483648")
                    .Select(t => new Fault($"{field.Path}: a number out of range", named, field, t)));
                break;
            case JsonValueKind.Array:
                faults.Add(Gen.Int[10_000, 50_000].Select(n => new Fault($"{field.Path}: {n} items of the wrong type", named, field, $"[{string.Join(',', Enumerable.Repeat("[[]]", n))}]")));
                break;
        }

        if (field.Kind == JsonValueKind.String)
        {
            faults.Add(HostileText.Broken.Select(b => new Fault($"{field.Path}: {b.What}", named, field, b.Json)));
        }

        return Gen.OneOf<Fault>([.. faults]);
    }

    static Gen<Fault> WholeBodyFaults(WriteEndpoint endpoint)
    {
        var sound = Encoding.UTF8.GetBytes(endpoint.Body!);
        return Gen.OneOf<Fault>(
            Gen.Int[0, sound.Length - 1].Select(n => new Fault($"the body cut to {n} bytes", null, Bytes: sound[..n])),
            Gen.OneOf("null", "[]", "\"text\"", "42", "true", "{", "}{", "[{}]", "{\"a\":}", "{'single':'quotes'}", "{\"a\":1,}", "/* comment */ {}")
                .Select(text => new Fault($"the body is {text}", null, Bytes: Encoding.UTF8.GetBytes(text))),
            Gen.Const(new Fault("the body twice", null, Bytes: [.. sound, .. sound])),
            Gen.Const(new Fault("invalid UTF-8 in the body", null, Bytes: [.. sound[..1], 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, .. sound[1..]])),
            Gen.Int[65, 5_000].Select(depth => new Fault($"a body nested {depth} deep", null, Bytes: Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)))),
            HostileText.Exotic.Select(t => new Fault("a body of text that is not JSON", null, Bytes: Encoding.UTF8.GetBytes($"<{t}>"))));
    }

    /// <summary>Not a charset on a JSON type: JSON is UTF-8, and RFC 8259 gives application/json no charset a recipient must heed.</summary>
    static Gen<Fault> ContentTypeFaults(WriteEndpoint endpoint)
    {
        var sound = Encoding.UTF8.GetBytes(endpoint.Body!);
        return Gen.OneOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png", "", "\u00e9/\u00e9")
            .Select(type => new Fault($"the content type '{type}'", null, Bytes: sound, ContentType: type));
    }

    static Gen<Fault> RouteFaults(WriteEndpoint endpoint)
    {
        var parameters = endpoint.RouteValues.Keys.ToArray();
        if (parameters.Length == 0)
        {
            // Nothing to address wrongly: the fault is the body's. An endpoint with neither has nothing hostile to meet.
            return endpoint.Body is null ? throw new InvalidOperationException($"{endpoint} takes neither a body nor a route parameter.") : WholeBodyFaults(endpoint);
        }

        return Gen.Select(Gen.OneOf(parameters), Gen.OneOf<string>(HostileText.Exotic.Select(t => JsonNode.Parse(t)!.GetValue<string>()).Where(t => t.Length is > 0 and < 2_000), Gen.Guid.Select(g => $"{g}"), Gen.Const($"{Guid.Empty}")))
            .Where((name, value) => !string.Equals(value, endpoint.RouteValues[name], StringComparison.OrdinalIgnoreCase) && value.Trim('/', '.', ' ').Length > 0)
            .Select((name, value) => new Fault(
                $"the route parameter {name} is '{value}'",
                [name],
                Path: endpoint with { RouteValues = new Dictionary<string, string>(endpoint.RouteValues) { [name] = value } } is var wrong ? wrong.Path : null));
    }
}
