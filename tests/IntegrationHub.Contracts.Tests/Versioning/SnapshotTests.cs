using System.Text.Json.Nodes;
using static IntegrationHub.Contracts.Tests.PartnerDocuments;

namespace IntegrationHub.Contracts.Tests.Versioning;

/// <summary>
/// V1 changes only additively (contracts/README.md): each published schema is compared with its
/// snapshot in <c>contracts/snapshots/v1</c>. After a deliberate addition, refresh the snapshots with
/// <c>UPDATE_SCHEMA_SNAPSHOTS=1 dotnet test tests/IntegrationHub.Contracts.Tests</c>; a breaking
/// change is a V2 document beside V1, never a refreshed V1 snapshot.
/// </summary>
public class SnapshotTests
{
    static readonly string Snapshots = Path.Combine(ContractsFolder(), "snapshots", "v1");

    public static TheoryData<string> DocumentNames => [.. All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Published_schema_changes_its_v1_snapshot_only_additively(string name)
    {
        var current = File.ReadAllText(Path.Combine(ContractsFolder(), "schemas", $"{name}.schema.json"));
        var snapshot = Path.Combine(Snapshots, $"{name}.schema.json");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA_SNAPSHOTS") == "1")
        {
            // A new document has no published past: its first snapshot is taken as it is.
            Directory.CreateDirectory(Snapshots);
            var breaks = File.Exists(snapshot) ? SchemaCompatibility.Breaks(JsonNode.Parse(File.ReadAllText(snapshot)), JsonNode.Parse(current)) : [];
            Assert.True(breaks.Count == 0, $"{name} breaks V1, so it cannot be a new V1 snapshot: {string.Join(" ", breaks)}");
            File.WriteAllText(snapshot, current);
        }

        Assert.True(File.Exists(snapshot), $"{snapshot} is missing: a new document's first snapshot is taken with UPDATE_SCHEMA_SNAPSHOTS=1.");
        var changes = SchemaCompatibility.Breaks(JsonNode.Parse(File.ReadAllText(snapshot)), JsonNode.Parse(current));

        Assert.True(changes.Count == 0, $"{name} is no longer compatible with V1: {string.Join(" ", changes)} Publish a V2 document beside it instead.");
    }
}
