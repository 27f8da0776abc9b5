using NJsonSchema;
using NJsonSchema.Validation;
using static IntegrationHub.Contracts.Tests.PartnerDocuments;

namespace IntegrationHub.Contracts.Tests;

/// <summary>
/// A published schema refuses what the wire never carries. (That each golden file, real translator
/// output, validates against its schema is checked with the schema's examples in SchemaTests.)
/// </summary>
public class GoldenDocumentTests
{
    [Fact]
    public async Task A_document_missing_a_required_field_is_invalid()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(ContractsFolder(), "schemas", "hub.leg-declined.schema.json"));

        var errors = schema.Validate("""{"answerId":"6f1c0000-0000-0000-0000-000000000001","agency":"nhs"}""");

        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.PropertyRequired && e.Property == "legId");
    }
}
