using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using static IntegrationHub.Contracts.Tests.PartnerDocuments;

namespace IntegrationHub.Contracts.Tests.Conformance;

/// <summary>
/// A schema of <c>contracts/schemas</c> as a strict JSON Schema 2020-12 validator reads it: JsonSchema.Net,
/// not the generator, with <c>format</c> asserted (dates, date-times, uuids and e-mail addresses are checked,
/// not only annotated), as a partner's validator may be configured.
/// </summary>
public sealed class PublishedSchema
{
    static readonly ConcurrentDictionary<string, PublishedSchema> Loaded = new();
    static readonly EvaluationOptions Strict = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    readonly JsonSchema schema;

    PublishedSchema(string name)
    {
        Name = name;
        var path = Path.Combine(ContractsFolder(), "schemas", $"{name}.schema.json");
        // Each schema in a registry of its own: the files are independent documents, each with its own $id.
        schema = JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public string Name { get; }

    public static PublishedSchema Named(string name) => Loaded.GetOrAdd(name, n => new PublishedSchema(n));

    /// <summary>What the validator finds wrong with the document: "instance location: message", none when it is valid.</summary>
    public IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, Strict);
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Prepend(results)
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    public bool Accepts(string json) => Problems(json).Count == 0;

    /// <summary>Fails the test naming every problem, and the document, when the document is not valid.</summary>
    public void Validate(string json)
    {
        var problems = Problems(json);
        Assert.True(problems.Count == 0, $"{Name} refuses the document:\n  {string.Join("\n  ", problems)}\n{json}");
    }
}
