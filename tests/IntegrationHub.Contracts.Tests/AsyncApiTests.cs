using System.Text.Json.Nodes;
using static IntegrationHub.Contracts.Tests.PartnerDocuments;

namespace IntegrationHub.Contracts.Tests;

/// <summary>The AsyncAPI document in <c>contracts/asyncapi.json</c> names every published schema, and only those.</summary>
public class AsyncApiTests
{
    static readonly JsonNode Document = JsonNode.Parse(File.ReadAllText(Path.Combine(ContractsFolder(), "asyncapi.json")))!;

    static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    [Fact]
    public void Every_document_a_partner_sees_is_in_the_asyncapi_document()
    {
        var referenced = References(Document).Where(r => r.StartsWith("./schemas/", StringComparison.Ordinal)).ToHashSet();

        Assert.All(All, d => Assert.Contains($"./schemas/{d.Name}.schema.json", referenced));
    }

    [Fact]
    public void Every_reference_in_the_asyncapi_document_resolves()
    {
        foreach (var reference in References(Document))
        {
            if (reference.StartsWith("./", StringComparison.Ordinal))
            {
                Assert.True(File.Exists(Path.Combine(ContractsFolder(), reference[2..])), $"{reference} does not exist.");
            }
            else
            {
                Assert.StartsWith("#/", reference, StringComparison.Ordinal);
                var target = reference[2..].Split('/').Aggregate<string, JsonNode?>(Document, (node, key) => node?[key]);
                Assert.True(target is not null, $"{reference} points at nothing in the document.");
            }
        }
    }

    [Fact]
    public void Each_agency_has_a_referral_queue_and_an_answers_channel()
    {
        var channels = Document["channels"]!.AsObject();

        Assert.All(IntegrationHub.Contracts.V1.AgencyCodes.All, agency =>
        {
            Assert.Equal(IntegrationHub.Contracts.V1.Endpoints.AgencyQueue(agency), channels[$"agency-{agency}"]?["address"]?.GetValue<string>());
            Assert.Equal(IntegrationHub.Contracts.V1.Endpoints.AgencyAnswersExchange, channels[$"agency-answers-{agency}"]?["address"]?.GetValue<string>());
        });
    }
}
