using System.Runtime.CompilerServices;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Contracts.Tests;

/// <summary>
/// Every JSON document a partner system sees, with the name of its schema in <c>contracts/schemas</c>.
/// Agency documents travel as plain JSON on the AMQP and webhook channels; the hub's own contracts
/// travel in MassTransit's envelope for partners that use it.
/// </summary>
public static class PartnerDocuments
{
    /// <param name="Json">The serializer options that really write (or read) the document.</param>
    /// <param name="Translate">For an answer an agency sends: the translator that reads it.</param>
    /// <param name="Example">The golden file of the document, a real translator output.</param>
    public sealed record Document(string Name, Type Type, JsonSerializerOptions Json, Func<string, object>? Translate = null, string? Example = null);

    /// <summary>MassTransit's own options for the hub's contracts in its envelope: camelCase, nulls left out.</summary>
    static readonly JsonSerializerOptions Envelope = MassTransit.Serialization.SystemTextJsonMessageSerializer.Options;

    /// <summary>Every document each registered agency declares, in the order registered.</summary>
    public static IReadOnlyList<Document> AgencyDocuments { get; } =
        [.. RegisteredAgencies.Definitions.All.SelectMany(agency => agency.Documents.Select(Of))];

    static Document Of(PartnerDocumentType document) =>
        new(document.Name, document.Type, AgencyJson.Options, document.Read, Golden(document));

    /// <summary>
    /// The document's golden file, if its adapter's tests keep one: <c>Golden/{name without the agency prefix}.json</c>
    /// in the test project named for the adapter (<c>yos.youth-justice-referral</c>, written by
    /// <c>IntegrationHub.Adapters.Yos</c>, is <c>IntegrationHub.Adapters.Yos.Tests/Golden/youth-justice-referral.json</c>).
    /// </summary>
    static string? Golden(PartnerDocumentType document)
    {
        var path = Path.GetFullPath(Path.Combine(
            ContractsFolder(), "..", "tests", $"{document.Type.Assembly.GetName().Name}.Tests", "Golden", $"{document.Name[(document.Name.IndexOf('.', StringComparison.Ordinal) + 1)..]}.json"));
        return File.Exists(path) ? path : null;
    }

    /// <summary>Every message record of <c>IntegrationHub.Contracts.V1</c>, found by reflection so a new one cannot be forgotten.</summary>
    public static IReadOnlyList<Document> HubContracts { get; } =
    [
        .. typeof(LegRequested).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(LegRequested).Namespace && t.IsClass && !t.IsAbstract && IsMessage(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new Document($"hub.{Kebab(t.Name)}", t, Envelope)),
    ];

    public static IEnumerable<Document> All => AgencyDocuments.Concat(HubContracts);

    /// <summary>The repository's <c>contracts</c> folder, found from this source file.</summary>
    public static string ContractsFolder() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "contracts"));

    static string ThisFile([CallerFilePath] string path = "") => path;

    static bool IsMessage(Type type) =>
        typeof(ILegAnswer).IsAssignableFrom(type) || type == typeof(LegRequested) || type == typeof(LegCancelled);

    static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
