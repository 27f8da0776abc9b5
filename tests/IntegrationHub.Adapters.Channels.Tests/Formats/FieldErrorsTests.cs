using System.Text.Json;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.Adapters.Channels.Formats;

namespace IntegrationHub.Adapters.Channels.Tests.Formats;

public class FieldErrorsTests
{
    sealed record Update(Guid? LegId, string? Type, DateOnly? DueDate);

    [Fact]
    public void No_errors_throw_nothing()
    {
        var errors = new FieldErrors();

        errors.ThrowIfAny();

        Assert.False(errors.Any);
    }

    [Fact]
    public void Errors_are_thrown_together_field_by_field_in_the_order_found()
    {
        var errors = new FieldErrors();
        errors.Id("legId", null);
        errors.Code("type", "maybe", ["accepted", "declined"]);
        errors.Text("officer", " ");
        errors.Add("type", "Second message.");

        var rejected = Assert.Throws<AgencyAnswerRejectedException>(errors.ThrowIfAny);

        Assert.Equal(["legId", "type", "officer"], rejected.Errors.Keys);
        Assert.Equal(["'maybe' is not a valid 'type'; use one of: accepted, declined.", "Second message."], rejected.Errors["type"]);
    }

    [Fact]
    public void Document_is_read_with_the_agency_json_options()
    {
        var update = FieldErrors.Read<Update>("""{ "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8", "type": "accepted", "dueDate": "2025-07-02" }""");

        Assert.Equal(new Update(new Guid("6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8"), "accepted", new DateOnly(2025, 7, 2)), update);
    }

    [Fact]
    public void Value_of_the_wrong_type_is_rejected_naming_its_field_keeping_the_cause()
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => FieldErrors.Read<Update>("""{ "dueDate": "soon" }"""));

        Assert.Equal("dueDate", Assert.Single(rejected.Errors).Key);
        Assert.Equal(["The value of 'dueDate' is not of the type this field takes."], rejected.Errors["dueDate"]);
        Assert.IsType<JsonException>(rejected.InnerException);
    }

    [Fact]
    public void Text_holding_a_NUL_is_rejected_naming_its_field()
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => FieldErrors.Read<Update>("""{ "type": "acc\u0000epted" }"""));

        Assert.Equal(["The value of 'type' holds a NUL character, which no field can keep."], Assert.Single(rejected.Errors, e => e.Key == "type").Value);
    }

    [Theory]
    [InlineData("{ not json", "The document is not valid JSON (line 1, byte 3).")]
    [InlineData("null", "The document is empty.")]
    public void Text_that_is_no_document_is_rejected_naming_the_document(string json, string reason)
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => FieldErrors.Read<Update>(json));

        Assert.Equal("document", Assert.Single(rejected.Errors).Key);
        Assert.Equal([reason], rejected.Errors["document"]);
    }
}
