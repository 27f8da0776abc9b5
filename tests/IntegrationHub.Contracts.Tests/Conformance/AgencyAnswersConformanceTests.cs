using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using Xunit.Abstractions;

namespace IntegrationHub.Contracts.Tests.Conformance;

/// <summary>
/// The answer schemas and the translators agree: every answer a translator accepts validates against its schema
/// (so every answer the schema refuses, the translator refuses too), every hub message it makes of one
/// validates against that message's schema, and the schema is as strict as the translator on coded values
/// and on the fields an answer of its type needs.
/// </summary>
public sealed class AgencyAnswersConformanceTests(ITestOutputHelper output)
{
    const int AnswersPerAgency = 1500;

    /// <summary>Every registered agency that declares an answer document of its own (the NHS answers with FHIR Tasks).</summary>
    public static TheoryData<string> Agencies => [.. RegisteredAgencies.Definitions.All.Where(d => d.Documents.Any(IsAnswer)).Select(d => d.Code)];

    static bool IsAnswer(PartnerDocumentType document) => document.Read is not null;

    static (IAgencyFormat Format, string Schema, Gen<JsonObject> Answers) Of(string agency)
    {
        var definition = RegisteredAgencies.Definitions.For(agency);
        var answer = Assert.Single(definition.Documents, IsAnswer);
        return (definition.Format, answer.Name, AnswerGen.For(answer.Name));
    }

    [Theory]
    [MemberData(nameof(Agencies))]
    public void Every_answer_a_translator_accepts_is_valid_against_its_schema(string agency)
    {
        var (format, name, answers) = Of(agency);
        var schema = PublishedSchema.Named(name);
        int accepted = 0, refused = 0, messages = 0;

        answers.Sample(answer =>
        {
            var json = answer.ToJsonString();
            if (Read(format, json) is not { } translated)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            Interlocked.Increment(ref accepted);
            schema.Validate(json);
            foreach (var message in translated)
            {
                PublishedSchema.Named(PartnerDocuments.HubContracts.Single(d => d.Type == message.GetType()).Name).Validate(HubWire.Serialize(message));
                Interlocked.Increment(ref messages);
            }
        }, iter: AnswersPerAgency, threads: 1, print: a => a.ToJsonString());

        output.WriteLine($"{name}: {accepted + refused} answers generated, {accepted} accepted and valid, {refused} refused by the translator; {messages} hub messages validated.");
        Assert.True(accepted > AnswersPerAgency / 5 && refused > AnswersPerAgency / 20, $"{name}: {accepted} accepted, {refused} refused: the generator no longer reaches both.");
    }

    [Theory]
    [MemberData(nameof(Agencies))]
    public void An_answer_the_translator_refuses_for_an_unknown_code_or_a_missing_field_the_schema_refuses_too(string agency)
    {
        var (format, name, answers) = Of(agency);
        var schema = PublishedSchema.Named(name);
        int checkedChanges = 0;

        answers.Where(a => Read(format, a.ToJsonString()) is not null).Sample(answer =>
        {
            foreach (var (change, changed) in OneFieldChanged(answer))
            {
                var json = changed.ToJsonString();
                if (Read(format, json) is null)
                {
                    Assert.False(schema.Accepts(json), $"{name}: the translator refuses the answer with {change}, but the schema accepts it:\n{json}");
                    Interlocked.Increment(ref checkedChanges);
                }
            }
        }, iter: AnswersPerAgency / 5, threads: 1, print: a => a.ToJsonString());

        output.WriteLine($"{name}: {checkedChanges} answers with a field removed or given an unknown code, refused by both the translator and the schema.");
        Assert.True(checkedChanges > 0, $"{name}: no change to an accepted answer was refused: the check checked nothing.");
    }

    /// <summary>The answer with each of its fields in turn removed, and each of its string fields given a code no list has.</summary>
    static IEnumerable<(string Change, JsonObject Answer)> OneFieldChanged(JsonObject answer, string path = "")
    {
        foreach (var (field, value) in answer.ToList())
        {
            var removed = (JsonObject)answer.DeepClone();
            removed.Remove(field);
            yield return ($"'{path}{field}' removed", removed);

            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                var unknown = (JsonObject)answer.DeepClone();
                unknown[field] = "not-a-known-code";
                yield return ($"'{path}{field}' an unknown code", unknown);
            }

            if (value is JsonObject nested)
            {
                foreach (var (change, changed) in OneFieldChanged(nested, $"{path}{field}."))
                {
                    var whole = (JsonObject)answer.DeepClone();
                    whole[field] = changed;
                    yield return (change, whole);
                }
            }
        }
    }

    static IReadOnlyList<ILegAnswer>? Read(IAgencyFormat format, string json)
    {
        try
        {
            return format.ReadAnswer(json);
        }
        catch (AgencyAnswerRejectedException)
        {
            return null;
        }
    }
}
