using System.Text.Json.Nodes;

namespace IntegrationHub.Contracts.Tests.Versioning;

public class SchemaChangesTests
{
    const string Decision = """
        {
          "type": "object",
          "properties": {
            "legId": { "type": "string", "format": "uuid" },
            "status": { "type": "string", "oneOf": [ { "const": "accepted", "description": "Accepted." }, { "const": "declined", "description": "Declined." } ] },
            "note": { "type": ["string", "null"], "maxLength": 4000 },
            "needs": { "type": "array", "items": { "type": "string", "enum": ["a", "b"] } }
          },
          "required": ["legId", "status"]
        }
        """;

    static IReadOnlyList<string> BreakingChanges(Action<JsonObject> change)
    {
        var after = JsonNode.Parse(Decision)!.AsObject();
        change(after);
        return SchemaChanges.Breaking(JsonNode.Parse(Decision), after);
    }

    [Fact]
    public void The_same_schema_breaks_nothing() => Assert.Empty(BreakingChanges(_ => { }));

    [Fact]
    public void A_new_optional_property_a_new_code_and_a_looser_limit_break_nothing() =>
        Assert.Empty(BreakingChanges(s =>
        {
            s["properties"]!["caseReference"] = new JsonObject { ["type"] = "string" };
            s["properties"]!["status"]!["oneOf"]!.AsArray().Add(new JsonObject { ["const"] = "acknowledged" });
            s["properties"]!["needs"]!["items"]!["enum"]!.AsArray().Add("c");
            s["properties"]!["note"]!["maxLength"] = 8000;
        }));

    [Fact]
    public void A_removed_property_breaks() =>
        Assert.Equal(["#/properties/note: removed."], BreakingChanges(s => s["properties"]!.AsObject().Remove("note")));

    [Fact]
    public void A_newly_required_property_breaks() =>
        Assert.Equal(["#/properties/note: newly required."], BreakingChanges(s => s["required"]!.AsArray().Add("note")));

    [Fact]
    public void A_new_property_that_is_required_breaks() =>
        Assert.Contains("#/properties/officer: newly required.", BreakingChanges(s =>
        {
            s["properties"]!["officer"] = new JsonObject { ["type"] = "string" };
            s["required"]!.AsArray().Add("officer");
        }));

    [Fact]
    public void A_dropped_type_breaks() =>
        Assert.Equal(["#/properties/note: type narrowed from [string, null] to [string]."], BreakingChanges(s => s["properties"]!["note"]!["type"] = "string"));

    [Fact]
    public void A_pattern_or_a_tighter_limit_on_an_existing_value_breaks() =>
        Assert.Equal(
            ["#/properties/note: 'pattern' \"^[A-Z]+$\" added.", "#/properties/note: 'maxLength' tightened from 4000 to 100."],
            BreakingChanges(s =>
            {
                s["properties"]!["note"]!["pattern"] = "^[A-Z]+$";
                s["properties"]!["note"]!["maxLength"] = 100;
            }));

    [Fact]
    public void A_removed_code_breaks_wherever_it_is_listed() =>
        Assert.Equal(
            ["#/properties/status: code '\"declined\"' removed.", "#/properties/needs/items: code '\"b\"' removed."],
            BreakingChanges(s =>
            {
                s["properties"]!["status"]!["oneOf"]!.AsArray().RemoveAt(1);
                s["properties"]!["needs"]!["items"]!["enum"]!.AsArray().RemoveAt(1);
            }));

    [Fact]
    public void Codes_put_on_a_free_value_break() =>
        Assert.Equal(["#/properties/note: a list of codes added where any value was allowed."],
            BreakingChanges(s => s["properties"]!["note"]!["enum"] = new JsonArray("x", "y")));
}
