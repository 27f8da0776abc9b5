using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CsCheck;
using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Nhs;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Adapters.Probation.Referrals;
using IntegrationHub.Contracts.V1;
using Xunit.Abstractions;

namespace IntegrationHub.Contracts.Tests.Conformance;

/// <summary>
/// Every document each adapter writes, for legs generated across every sharing matrix, optional field and
/// identifier combination, validates against the schema a partner is given, checked by a strict 2020-12
/// validator that is not the generator. Each registered agency is checked with the format its definition
/// declares, and each document against the schema of the one of its declared documents whose record it is.
/// The NHS's documents are FHIR R4, read back with the Firely SDK.
/// </summary>
public sealed class AgencyDocumentsConformanceTests(ITestOutputHelper output)
{
    const int LegsPerAgency = 400;

    /// <summary>Reads a document into a record, refusing a property the record does not have.</summary>
    static readonly JsonSerializerOptions Exact = new(AgencyJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static TheoryData<string> Agencies => [.. RegisteredAgencies.Definitions.Codes];

    static IAgencyFormat FormatOf(string agency) => RegisteredAgencies.Definitions.For(agency).Format;

    [Theory]
    [MemberData(nameof(Agencies))]
    public void Every_referral_an_adapter_writes_is_valid_against_its_schema(string agency)
    {
        var format = FormatOf(agency);
        int written = 0, undeliverable = 0;

        LegGen.For(agency).Sample(leg =>
        {
            AgencyDocument document;
            try
            {
                document = format.Referral(leg);
            }
            catch (LegUndeliverableException)
            {
                Interlocked.Increment(ref undeliverable);
                return;
            }

            Conforms(agency, document);
            if (agency == AgencyCodes.Probation)
            {
                PublishedSchema.Named("probation.referral-detail").Validate(AgencyJson.Serialize(ProbationReferralTranslator.Detail(leg)));
            }

            Interlocked.Increment(ref written);
        }, iter: LegsPerAgency, threads: 1);

        output.WriteLine($"{agency}: {written} referrals validated, {undeliverable} legs refused by the adapter as undeliverable.");
        Assert.True(written > LegsPerAgency / 4, $"Only {written} of {LegsPerAgency} generated {agency} legs were deliverable: the generator no longer reaches the documents.");
    }

    [Theory]
    [MemberData(nameof(Agencies))]
    public void Every_cancellation_an_adapter_writes_is_valid_against_its_schema(string agency)
    {
        var format = FormatOf(agency);
        int written = 0, undeliverable = 0;

        LegGen.CancellationFor(agency).Sample(cancelled =>
        {
            AgencyDocument document;
            try
            {
                document = format.Cancellation(cancelled);
            }
            catch (LegUndeliverableException)
            {
                Interlocked.Increment(ref undeliverable);
                return;
            }

            Conforms(agency, document);
            Interlocked.Increment(ref written);
        }, iter: LegsPerAgency, threads: 1);

        output.WriteLine($"{agency}: {written} cancellations validated, {undeliverable} refused by the adapter as undeliverable.");
        Assert.True(written > LegsPerAgency / 4, $"Only {written} of {LegsPerAgency} generated {agency} cancellations were deliverable.");
    }

    [Theory]
    [MemberData(nameof(Agencies))]
    public void Every_leg_message_the_hub_sends_is_valid_against_its_schema(string agency)
    {
        Gen.Select(LegGen.For(agency), LegGen.CancellationFor(agency)).Sample((leg, cancelled) =>
        {
            PublishedSchema.Named("hub.leg-requested").Validate(HubWire.Serialize(leg));
            PublishedSchema.Named("hub.leg-cancelled").Validate(HubWire.Serialize(cancelled));
        }, iter: LegsPerAgency / 4, threads: 1);
    }

    static void Conforms(string agency, AgencyDocument document)
    {
        var written = RegisteredAgencies.Definitions.For(agency).Documents.Where(d => d.Read is null).ToList();
        if (written.Count == 0)
        {
            // The NHS publishes no schema of its own: its documents are FHIR's.
            Assert.Equal(NhsFormat.ContentType, document.ContentType);
            var bundle = Assert.IsType<Bundle>(NhsFhirJson.Deserialize(document.Body));
            Assert.Equal(Bundle.BundleType.Message, bundle.Type);
            Assert.IsType<MessageHeader>(bundle.Entry[0].Resource);
            return;
        }

        Assert.Equal(AgencyJson.ContentType, document.ContentType);
        var declared = Assert.Single(written, d => IsWrittenBy(d.Type, document.Body));
        PublishedSchema.Named(declared.Name).Validate(document.Body);
    }

    /// <summary>The document is exactly what the record writes: read into it and written back, it is unchanged.</summary>
    static bool IsWrittenBy(Type record, string json)
    {
        object? read;
        try
        {
            read = JsonSerializer.Deserialize(json, record, Exact);
        }
        catch (JsonException)
        {
            // A property the record does not have, or a value of another type: another record's document.
            return false;
        }

        return read is not null && JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(read, record, AgencyJson.Options)));
    }
}
