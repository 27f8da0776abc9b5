using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Adapters.Testing;

/// <summary>
/// Compares a document with its golden file. The test project copies <c>Golden/*.json</c> to its
/// output and names its own Golden folder in an assembly attribute
/// <c>[AssemblyMetadata("GoldenDirectory", "...")]</c>; with <c>UPDATE_GOLDEN=1</c> the golden file
/// there is rewritten with the actual output (indented), so the committed file is the real output.
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The golden file's JSON and the actual JSON, both normalised (object properties sorted, indented),
    /// for the test to assert equal.
    /// </summary>
    public static (string Expected, string Actual) Compare(Assembly testAssembly, string fileName, string actualJson)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var actual = Normalise(actualJson);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var directory = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "GoldenDirectory")?.Value
                ?? throw new InvalidOperationException($"{testAssembly.GetName().Name} has no [AssemblyMetadata(\"GoldenDirectory\", ...)].");
            Directory.CreateDirectory(directory);
            var pretty = JsonNode.Parse(actualJson)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
            File.WriteAllText(Path.Combine(directory, fileName), pretty);
            return (actual, actual);
        }

        return (Normalise(Read(fileName)), actual);
    }

    /// <summary>The golden file as the test project copied it to its output, e.g. a sample answer to read.</summary>
    /// <exception cref="FileNotFoundException">There is no such golden file.</exception>
    public static string Read(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No golden file {fileName}: run the tests once with {UpdateVariable}=1 and review the file it writes.", path);
        }

        return File.ReadAllText(path);
    }

    /// <summary>The same JSON with every object's properties in ordinal order, indented, line feeds only.</summary>
    public static string Normalise(string json) =>
        Sorted(JsonNode.Parse(json))?.ToJsonString(Indented).ReplaceLineEndings("\n") ?? "null";

    static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
