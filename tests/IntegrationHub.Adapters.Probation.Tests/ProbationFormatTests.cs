using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Probation.Answers;
using IntegrationHub.Adapters.Probation.Referrals;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation.Tests;

public class ProbationFormatTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.Probation);
    static readonly Uri HubBaseUrl = new("https://hub.exampleshire.gov.uk/");
    static readonly ProbationFormat Format = new(HubBaseUrl);

    const string ReferralAcceptedEvent = """
        {
          "eventType": "probation.referral.accepted",
          "version": 1,
          "answerId": "c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f",
          "occurredAt": "2025-03-21T08:00:00Z",
          "officer": "Robin Officer",
          "description": "Allocated to a probation practitioner.",
          "personReference": { "identifiers": [ { "type": "CRN", "value": "X123456" } ] },
          "additionalInformation": { "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8" }
        }
        """;

    [Fact]
    public void Format_is_the_probation_agencys()
    {
        Assert.Equal(AgencyCodes.Probation, Format.Agency);
    }

    [Theory]
    [InlineData("ftp://hub.exampleshire.gov.uk/")]
    [InlineData("https://hub.exampleshire.gov.uk/?tenant=1")]
    [InlineData("https://hub.exampleshire.gov.uk/#top")]
    [InlineData("/hub")]
    public void Hub_base_url_must_be_an_absolute_http_address(string baseUrl)
    {
        var refused = Assert.Throws<ArgumentException>(() => new ProbationFormat(new Uri(baseUrl, UriKind.RelativeOrAbsolute)));

        Assert.Equal("hubBaseUrl", refused.ParamName);
    }

    [Fact]
    public void Referral_is_the_requested_event_linking_to_the_detail_under_the_hub_base_url()
    {
        var document = Format.Referral(FullLeg);

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(AgencyJson.Serialize(ProbationReferralTranslator.RequestedEvent(FullLeg, HubBaseUrl)), document.Body);
        Assert.Contains($"\"detailUrl\":\"https://hub.exampleshire.gov.uk/api/legs/{TestLegs.LegId}\"", document.Body, StringComparison.Ordinal);
        var (expected, actual) = GoldenFile.Compare(typeof(ProbationFormatTests).Assembly, "referral-event.json", document.Body);
        Assert.Equal(expected, actual);
    }

    public static TheoryData<LegRequested, string> UndeliverableLegs => new()
    {
        { FullLeg.WithIdentifiers(IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NhsNumber, IdentifierTypes.NationalInsuranceNumber), "person.identifiers[crn]" },
        { TestLegs.Full(AgencyCodes.Yos), "agency" },
    };

    [Theory]
    [MemberData(nameof(UndeliverableLegs))]
    public void Leg_that_cannot_go_to_probation_is_undeliverable_saying_why_without_personal_data(LegRequested leg, string field)
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Referral(leg));

        Assert.Equal(field, refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
        Assert.StartsWith($"Leg {TestLegs.LegId} cannot be sent to probation: ", refused.Message, StringComparison.Ordinal);
        Assert.All(leg.PersonalData(), text => Assert.DoesNotContain(text, refused.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Cancellation_is_the_cancelled_event_for_the_same_person_and_leg()
    {
        var cancelled = TestLegs.Cancelled(FullLeg);

        var document = Format.Cancellation(cancelled);

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(AgencyJson.Serialize(ProbationReferralTranslator.CancelledEvent(cancelled, HubBaseUrl)), document.Body);
        Assert.Contains("\"eventType\":\"care-leaver-hub.referral.cancelled\"", document.Body, StringComparison.Ordinal);
        Assert.Contains("\"cancellationKind\":\"circumstances-changed\"", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(cancelled.Reason, document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_undeliverable()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Cancellation(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Housing))));

        Assert.Equal("agency", refused.Field);
    }

    [Fact]
    public void Probation_event_reads_as_its_one_hub_message()
    {
        var answer = Assert.Single(Format.ReadAnswer(ReferralAcceptedEvent));

        Assert.Equal(
            new LegAccepted(
                new Guid("c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f"), TestLegs.LegId, AgencyCodes.Probation, "Robin Officer",
                new DateTimeOffset(2025, 3, 21, 8, 0, 0, TimeSpan.Zero), "Allocated to a probation practitioner."),
            answer);
        Assert.Equal(ProbationEventTranslator.Translate(ReferralAcceptedEvent), answer);
    }

    [Fact]
    public void Invalid_event_is_rejected_naming_the_field()
    {
        var body = ReferralAcceptedEvent.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);

        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(body));

        Assert.Equal(["version"], rejected.Errors.Keys);
        Assert.Equal(["version"], rejected.Errors.Keys);
    }

    [Theory]
    [InlineData("{ not json", "document")]
    [InlineData("null", "document")]
    [InlineData("""{ "additionalInformation": { "legId": 42 } }""", "additionalInformation.legId")]
    public void Unreadable_event_is_rejected_naming_the_field(string body, string field)
    {
        Assert.Equal([field], Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(body)).Errors.Keys);
    }

    [Fact]
    public void Decline_reasons_are_codes_each_with_words_to_show()
    {
        Assert.Empty(DeclineReasonList.ProblemsWith(Format.DeclineReasons));
    }

    [Fact]
    public void Requirement_is_the_crn_and_a_leg_without_one_is_refused_on_it()
    {
        Assert.Equal(["person.identifiers[crn]"], Format.DeliveryRequirements.Select(r => r.Field));
        Assert.True(ProbationRequirements.Crn.IsMetBy(FullLeg));
        Assert.Empty(DeliveryRequirementCheck.ProblemsWith(Format, FullLeg.WithIdentifiers(IdentifierTypes.LocalAuthorityPersonId)));
    }
}
