using System.Text.Json;
using System.Text.Json.Nodes;
using static IntegrationHub.Contracts.Tests.PartnerDocuments;

namespace IntegrationHub.Contracts.Tests.Schemas;

/// <summary>
/// The JSON Schemas in <c>contracts/schemas</c> are generated from the C# records that write the
/// documents, and these tests keep them from drifting apart. After a deliberate change to a
/// document, regenerate them with <c>UPDATE_SCHEMAS=1 dotnet test tests/IntegrationHub.Contracts.Tests</c>
/// and commit the changed files: partners read them.
/// </summary>
public class SchemaTests
{
    static readonly string SchemasFolder = Path.Combine(ContractsFolder(), "schemas");
    static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, IndentSize = 2 };

    public static TheoryData<string> DocumentNames => [.. All.Select(d => d.Name)];

    public static TheoryData<string> DocumentsWithAGoldenFile => [.. All.Where(d => d.Example is not null).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Published_schema_matches_the_record_that_writes_the_document(string name)
    {
        var document = All.Single(d => d.Name == name);
        var generated = SchemaGenerator.Generate(document);
        var path = Path.Combine(SchemasFolder, $"{name}.schema.json");

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            Directory.CreateDirectory(SchemasFolder);
            File.WriteAllText(path, generated.ToJsonString(Pretty) + "\n");
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the contract tests with UPDATE_SCHEMAS=1 and commit it.");
        Assert.True(
            JsonNode.DeepEquals(generated, JsonNode.Parse(File.ReadAllText(path))),
            $"{name}.schema.json no longer describes {document.Type.Name}: run the contract tests with UPDATE_SCHEMAS=1, review the change and commit it.");
    }

    [Fact]
    public void Every_published_schema_belongs_to_a_document()
    {
        var published = Directory.GetFiles(SchemasFolder, "*.schema.json").Select(f => Path.GetFileName(f)[..^".schema.json".Length]).Order();

        Assert.Equal(All.Select(d => d.Name).Order(), published);
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Every_property_and_code_of_a_published_schema_is_described(string name)
    {
        var schema = Published(name);

        Assert.Empty(Undescribed(schema, "#"));
    }

    [Theory]
    [MemberData(nameof(DocumentsWithAGoldenFile))]
    public async Task Published_schema_has_its_golden_file_as_an_example_it_validates(string name)
    {
        var schema = Published(name);

        var examples = Assert.IsType<JsonArray>(schema["examples"]);
        var validator = await NJsonSchema.JsonSchema.FromJsonAsync(schema.ToJsonString());
        Assert.All(examples, example =>
        {
            var errors = validator.Validate(example!.ToJsonString());
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
        });
    }

    static JsonNode Published(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(SchemasFolder, $"{name}.schema.json")))!;

    /// <summary>The pointer of each property, and of each code of a code list, that has no description.</summary>
    static IEnumerable<string> Undescribed(JsonNode? node, string at)
    {
        if (node is not JsonObject schema)
        {
            return node is JsonArray array ? array.SelectMany((n, i) => Undescribed(n, $"{at}/{i}")) : [];
        }

        var here = schema["properties"] is JsonObject properties
            ? properties.Where(p => p.Value is JsonObject { } s && s["description"] is null && !IsConditional(at)).Select(p => $"{at}/properties/{p.Key}")
            : [];
        var codes = schema["anyOf"] is JsonArray options ? options.Select((o, i) => (o, i)).Where(c => c.o?["description"] is null).Select(c => $"{at}/anyOf/{c.i}") : [];
        return here.Concat(codes).Concat(schema.Where(p => p.Key != "examples").SelectMany(p => Undescribed(p.Value, $"{at}/{p.Key}")));
    }

    /// <summary>The properties an <c>if</c>/<c>then</c> names are described where they are declared.</summary>
    static bool IsConditional(string at) => at.Contains("/if", StringComparison.Ordinal) || at.Contains("/then", StringComparison.Ordinal);
}
