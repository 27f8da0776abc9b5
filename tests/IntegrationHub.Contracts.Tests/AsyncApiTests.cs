using System.Text.Json.Nodes;
using IntegrationHub.Contracts.Tests.Conformance;
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
    public void Each_agency_has_a_referral_queue_per_organisation_and_an_answers_channel()
    {
        var channels = Document["channels"]!.AsObject();

        Assert.All(IntegrationHub.Contracts.V1.AgencyCodes.All, agency =>
        {
            var referrals = channels[$"agency-{agency}"]!;
            Assert.Equal(IntegrationHub.Contracts.V1.Endpoints.AgencyQueue(agency, "{organisation}"), referrals["address"]?.GetValue<string>());
            Assert.Equal(referrals["address"]!.GetValue<string>(), referrals["bindings"]!["amqp"]!["queue"]!["name"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(referrals["parameters"]?["organisation"]?["description"]?.GetValue<string>()));
            Assert.Equal(IntegrationHub.Contracts.V1.Endpoints.AgencyAnswersExchange, channels[$"agency-answers-{agency}"]?["address"]?.GetValue<string>());
        });
    }

    static IEnumerable<(string Name, JsonNode Message)> Messages() =>
        Document["components"]!["messages"]!.AsObject().Select(m => (m.Key, m.Value!));

    [Fact]
    public void Each_example_is_its_golden_file_and_valid_against_its_message_schema()
    {
        var examples = Messages().SelectMany(m => (m.Message["examples"]?.AsArray() ?? []).Select(e => (m.Name, m.Message, Example: e!))).ToList();
        Assert.Equal(8, examples.Count);

        foreach (var (name, message, example) in examples)
        {
            var golden = Path.GetFullPath(Path.Combine(ContractsFolder(), example["x-golden-file"]!.GetValue<string>()));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(golden)), example["payload"]),
                $"The example of {name} is not {golden}: copy the golden file into contracts/asyncapi.json.");

            var payload = example["payload"]!.ToJsonString();
            if (message["payload"]?["$ref"]?.GetValue<string>() is { } schema)
            {
                PublishedSchema.Named(Path.GetFileName(schema)[..^".schema.json".Length]).Validate(payload);
            }
            else
            {
                Assert.IsType<Hl7.Fhir.Model.Bundle>(IntegrationHub.Adapters.Nhs.Fhir.NhsFhirJson.Deserialize(payload));
            }
        }
    }

    [Fact]
    public void Every_agency_message_says_which_value_correlates_it_with_its_leg()
    {
        var correlationIds = Document["components"]!["correlationIds"]!.AsObject();

        Assert.All(Messages().Where(m => !m.Name.StartsWith("hub.", StringComparison.Ordinal)), m =>
        {
            var reference = m.Message["correlationId"]?["$ref"]?.GetValue<string>();
            Assert.NotNull(reference);
            var location = correlationIds[reference!["#/components/correlationIds/".Length..]]!["location"]!.GetValue<string>();
            if (location.StartsWith("$message.header#/", StringComparison.Ordinal))
            {
                var headers = Document["components"]!["schemas"]![m.Message["headers"]!["$ref"]!.GetValue<string>().Split('/')[^1]]!;
                Assert.NotNull(headers["properties"]![location["$message.header#/".Length..]]);
            }
            else
            {
                Assert.StartsWith("$message.payload#/", location, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Every_agency_queue_is_described_as_the_hub_declares_it()
    {
        foreach (var agency in IntegrationHub.Contracts.V1.AgencyCodes.All)
        {
            var queue = Document["channels"]![$"agency-{agency}"]!["bindings"]!["amqp"]!;
            Assert.True(queue["queue"]!["durable"]!.GetValue<bool>());
            Assert.Equal("quorum", queue["x-queue-arguments"]!["x-queue-type"]!.GetValue<string>());

            var answers = Document["channels"]![$"agency-answers-{agency}"]!["bindings"]!["amqp"]!;
            Assert.Equal("direct", answers["exchange"]!["type"]!.GetValue<string>());
            Assert.Equal(IntegrationHub.Contracts.V1.Endpoints.AgencyAnswersQueue(agency), answers["x-bound-queue"]!["name"]!.GetValue<string>());
            Assert.Equal(agency, answers["x-bound-queue"]!["routingKey"]!.GetValue<string>());
        }
    }
}
