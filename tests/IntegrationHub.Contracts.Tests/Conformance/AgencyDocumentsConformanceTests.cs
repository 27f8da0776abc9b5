using CsCheck;
using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Dwp;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Adapters.Nhs;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Adapters.Probation;
using IntegrationHub.Adapters.Probation.Referrals;
using IntegrationHub.Adapters.Yos;
using IntegrationHub.Contracts.V1;
using Xunit.Abstractions;

namespace IntegrationHub.Contracts.Tests.Conformance;

/// <summary>
/// Every document each adapter writes, for legs generated across every sharing matrix, optional field and
/// identifier combination, validates against the schema a partner is given, checked by a strict 2020-12
/// validator that is not the generator. The NHS's documents are FHIR R4, read back with the Firely SDK.
/// </summary>
public sealed class AgencyDocumentsConformanceTests(ITestOutputHelper output)
{
    const int LegsPerAgency = 400;

    static readonly Uri HubBaseUrl = new("https://hub.example-council.gov.uk/");

    /// <summary>Each agency's format, and the schemas of its referral and its cancellation (none for the NHS's FHIR).</summary>
    public static TheoryData<string> Agencies => [.. AgencyCodes.All];

    static (IAgencyFormat Format, string? Referral, string? Cancellation) Of(string agency) => agency switch
    {
        AgencyCodes.Housing => (new HousingFormat(), "housing.duty-to-refer-referral", "housing.duty-to-refer-cancellation"),
        AgencyCodes.Dwp => (new DwpFormat(), "dwp.care-leaver-referral", "dwp.care-leaver-referral-cancellation"),
        AgencyCodes.Probation => (new ProbationFormat(HubBaseUrl), "probation.referral-event", "probation.referral-event"),
        AgencyCodes.Yos => (new YosFormat(), "yos.youth-justice-referral", "yos.youth-justice-referral-cancellation"),
        AgencyCodes.Nhs => (new NhsFormat(), null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(agency), agency, "No conformance entry for this agency: add one."),
    };

    [Theory]
    [MemberData(nameof(Agencies))]
    public void Every_referral_an_adapter_writes_is_valid_against_its_schema(string agency)
    {
        var (format, schema, _) = Of(agency);
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

            Conforms(schema, document);
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
        var (format, _, schema) = Of(agency);
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

            Conforms(schema, document);
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

    static void Conforms(string? schema, AgencyDocument document)
    {
        if (schema is null)
        {
            Assert.Equal(NhsFormat.ContentType, document.ContentType);
            var bundle = Assert.IsType<Bundle>(NhsFhirJson.Deserialize(document.Body));
            Assert.Equal(Bundle.BundleType.Message, bundle.Type);
            Assert.IsType<MessageHeader>(bundle.Entry[0].Resource);
            return;
        }

        Assert.Equal(AgencyJson.ContentType, document.ContentType);
        PublishedSchema.Named(schema).Validate(document.Body);
    }
}
