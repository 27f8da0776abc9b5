using System.Text.Json.Nodes;

namespace IntegrationHub.Contracts.Tests.Versioning;

public class SchemaCompatibilityTests
{
    const string Before = """
        {"type":"object","required":["id"],"properties":{
          "id":{"type":"string","format":"uuid"},
          "status":{"type":"string","enum":["open","closed"]},
          "note":{"type":["string","null"]},
          "tags":{"type":"array","items":{"type":"string","enum":["a","b"]}}}}
        """;

    static IReadOnlyList<string> Breaks(Func<JsonObject, JsonObject> change)
    {
        var after = JsonNode.Parse(Before)!.AsObject();
        return SchemaCompatibility.Breaks(JsonNode.Parse(Before), change(after));
    }

    [Fact]
    public void The_same_schema_breaks_nothing() => Assert.Empty(Breaks(s => s));

    [Fact]
    public void A_removed_property_breaks() =>
        Assert.Contains("#/properties/note: removed.", Breaks(s => { s["properties"]!.AsObject().Remove("note"); return s; }));

    [Fact]
    public void A_newly_required_property_breaks() =>
        Assert.Contains("#/required: 'status' is newly required.", Breaks(s => { s["required"]!.AsArray().Add("status"); return s; }));

    [Fact]
    public void A_narrowed_type_breaks() =>
        Assert.Contains("#/properties/note: no longer allows type 'null'.", Breaks(s => { s["properties"]!["note"]!["type"] = "string"; return s; }));

    [Fact]
    public void A_pattern_added_to_an_existing_property_breaks() =>
        Assert.Single(Breaks(s => { s["properties"]!["note"]!["pattern"] = "^[a-z]+$"; return s; }));

    [Fact]
    public void A_removed_enum_value_breaks_in_a_nested_array_too() =>
        Assert.Contains("#/properties/tags/items: enum value \"b\" removed.", Breaks(s => { s["properties"]!["tags"]!["items"]!["enum"] = new JsonArray("a"); return s; }));

    [Fact]
    public void A_new_optional_property_and_a_new_enum_value_are_additions() =>
        Assert.Empty(Breaks(s =>
        {
            s["properties"]!["added"] = new JsonObject { ["type"] = "string" };
            s["properties"]!["status"]!["enum"]!.AsArray().Add("on-hold");
            return s;
        }));
}
