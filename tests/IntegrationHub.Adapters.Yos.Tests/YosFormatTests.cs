using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Adapters.Yos.Answers;
using IntegrationHub.Adapters.Yos.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos.Tests;

public class YosFormatTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.Yos);
    static readonly YosFormat Format = new();

    const string CustodyReleasePlannedUpdate = """
        {
          "answerId": "d4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80",
          "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8",
          "type": "custody-release-planned",
          "officer": "Casey Worker",
          "at": "2025-03-22T16:20:00+00:00",
          "releaseDate": "2025-04-18"
        }
        """;

    [Fact]
    public void Format_is_the_youth_offending_services()
    {
        Assert.Equal(AgencyCodes.Yos, Format.Agency);
    }

    [Fact]
    public void Referral_is_the_youth_justice_referral_as_plain_json()
    {
        var document = Format.Referral(FullLeg);

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(AgencyJson.Serialize(YouthJusticeReferralTranslator.Translate(FullLeg)), document.Body);
        var (expected, actual) = GoldenFile.Compare(typeof(YosFormatTests).Assembly, "youth-justice-referral.json", document.Body);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Leg_for_another_agency_is_undeliverable_saying_why_without_personal_data()
    {
        var leg = TestLegs.Full(AgencyCodes.Probation);

        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Referral(leg));

        Assert.Equal("agency", refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
        Assert.Equal($"Leg {TestLegs.LegId} cannot be sent to the youth offending service: it is addressed to 'probation', not 'yos'.", refused.Message);
        Assert.All(leg.PersonalData(), text => Assert.DoesNotContain(text, refused.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Cancellation_is_the_youth_justice_referral_cancellation_as_plain_json()
    {
        var document = Format.Cancellation(TestLegs.Cancelled(FullLeg));

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(
            """{"hubReferences":{"referralId":"0c7d2f6e-3b1a-4c59-9e8d-5a4b3c2d1e0f","legId":"6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8"},"recipient":{"code":"YJS-EXS","name":"Exampleshire Youth Justice Service"},"reason":"The young person has withdrawn consent.","kind":"circumstances-changed","cancelledBy":"Alex Morgan","cancelledAt":"2025-03-20T11:15:00+00:00"}""",
            document.Body);
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_undeliverable()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Cancellation(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Dwp))));

        Assert.Equal("agency", refused.Field);
    }

    [Fact]
    public void Yos_update_reads_as_its_one_hub_message()
    {
        var answer = Assert.Single(Format.ReadAnswer(CustodyReleasePlannedUpdate));

        Assert.Equal(
            new CustodyReleasePlanned(
                new Guid("d4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80"), TestLegs.LegId, AgencyCodes.Yos, "Casey Worker",
                new DateTimeOffset(2025, 3, 22, 16, 20, 0, TimeSpan.Zero), new DateOnly(2025, 4, 18)),
            answer);
        Assert.Equal(YosUpdateTranslator.Translate(CustodyReleasePlannedUpdate), answer);
    }

    [Fact]
    public void Invalid_update_is_rejected_naming_the_field()
    {
        var body = CustodyReleasePlannedUpdate.Replace("\"releaseDate\"", "\"dueDate\"", StringComparison.Ordinal);

        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(body));

        Assert.Equal(["dueDate", "releaseDate"], rejected.Errors.Keys);
    }

    [Theory]
    [InlineData("{ not json", "document")]
    [InlineData("null", "document")]
    [InlineData("""{ "type": "custody-release-planned", "releaseDate": 20250418 }""", "releaseDate")]
    public void Unreadable_update_is_rejected_naming_the_field(string body, string field)
    {
        Assert.Equal([field], Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(body)).Errors.Keys);
    }

    [Fact]
    public void Decline_reasons_are_codes_each_with_words_to_show()
    {
        Assert.Empty(DeclineReasonList.ProblemsWith(Format.DeclineReasons));
    }

    [Fact]
    public void Nothing_is_required_so_a_leg_with_no_identifier_or_contact_is_referred()
    {
        var bare = FullLeg with { Person = FullLeg.Person with { Identifiers = [], Contact = new ContactDetails(null, null, null, null) } };

        Assert.Empty(Format.DeliveryRequirements);
        Assert.Equal("application/json", Format.Referral(bare).ContentType);
    }
}
