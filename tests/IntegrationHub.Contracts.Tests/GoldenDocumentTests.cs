using NJsonSchema;
using NJsonSchema.Validation;
using static IntegrationHub.Contracts.Tests.PartnerDocuments;

namespace IntegrationHub.Contracts.Tests;

/// <summary>
/// The adapters' golden files are real translator output; each must validate against the schema
/// a partner is given, so the schema describes what is actually sent.
/// </summary>
public class GoldenDocumentTests
{
    static readonly string Tests = Path.GetFullPath(Path.Combine(ContractsFolder(), "..", "tests"));

    public static TheoryData<string, string> GoldenFiles => new()
    {
        { "IntegrationHub.Adapters.Housing.Tests/Golden/duty-to-refer-referral.json", "housing.duty-to-refer-referral" },
        { "IntegrationHub.Adapters.Dwp.Tests/Golden/care-leaver-referral.json", "dwp.care-leaver-referral" },
        { "IntegrationHub.Adapters.Probation.Tests/Golden/referral-requested-event.json", "probation.referral-event" },
        { "IntegrationHub.Adapters.Probation.Tests/Golden/referral-detail.json", "probation.referral-detail" },
        { "IntegrationHub.Adapters.Yos.Tests/Golden/youth-justice-referral.json", "yos.youth-justice-referral" },
    };

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public async Task Golden_document_is_valid_against_its_published_schema(string golden, string schemaName)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(ContractsFolder(), "schemas", $"{schemaName}.schema.json"));

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(Tests, golden)));

        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task A_document_missing_a_required_field_is_invalid()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(ContractsFolder(), "schemas", "hub.leg-declined.schema.json"));

        var errors = schema.Validate("""{"answerId":"6f1c0000-0000-0000-0000-000000000001","agency":"nhs"}""");

        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.PropertyRequired && e.Property == "legId");
    }
}
