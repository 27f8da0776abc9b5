using System.Globalization;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Dwp.Answers;
using IntegrationHub.Adapters.Dwp.Referrals;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp.Tests;

public class DwpFormatTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.Dwp);
    static readonly DwpFormat Format = new();

    const string SanctionProposedUpdate = """
        {
          "answerId": "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e",
          "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8",
          "type": "sanction-proposed",
          "officer": "Chris Coach",
          "at": "2025-03-19T10:05:00+00:00",
          "proposedDate": "2025-04-02",
          "reason": "Missed two appointments."
        }
        """;

    [Fact]
    public void Format_is_the_dwp_agencys()
    {
        Assert.Equal(AgencyCodes.Dwp, Format.Agency);
    }

    [Fact]
    public void Referral_is_the_care_leaver_referral_as_plain_json()
    {
        var document = Format.Referral(FullLeg);

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(AgencyJson.Serialize(CareLeaverReferralTranslator.Translate(FullLeg)), document.Body);
        var (expected, actual) = GoldenFile.Compare(typeof(DwpFormatTests).Assembly, "care-leaver-referral.json", document.Body);
        Assert.Equal(expected, actual);
    }

    public static TheoryData<LegRequested, string> UndeliverableLegs => new()
    {
        { FullLeg.WithIdentifiers(IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NhsNumber, IdentifierTypes.Crn), "person.identifiers[ni-number]" },
        { FullLeg.WithDateOfBirth(new DateOnly(2009, 3, 15)), "person.dateOfBirth" },
        { FullLeg.WithDateOfBirth(new DateOnly(1999, 3, 14)), "person.dateOfBirth" },
        { TestLegs.Full(AgencyCodes.Housing), "agency" },
    };

    [Theory]
    [MemberData(nameof(UndeliverableLegs))]
    public void Leg_that_cannot_go_to_the_jobcentre_is_undeliverable_saying_why_without_personal_data(LegRequested leg, string field)
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Referral(leg));

        Assert.Equal(field, refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
        Assert.StartsWith($"Leg {TestLegs.LegId} cannot be sent to dwp: ", refused.Message, StringComparison.Ordinal);
        Assert.All(leg.PersonalData(), text => Assert.DoesNotContain(text, refused.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Cancellation_is_the_care_leaver_referral_cancellation_as_plain_json()
    {
        var document = Format.Cancellation(TestLegs.Cancelled(FullLeg));

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(
            """{"hubReferences":{"referralId":"0c7d2f6e-3b1a-4c59-9e8d-5a4b3c2d1e0f","legId":"6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8"},"recipient":{"code":"JCP-EXT","name":"Exampletown Jobcentre Plus"},"reason":"The young person has withdrawn consent.","kind":"circumstances-changed","cancelledBy":"Alex Morgan","cancelledAt":"2025-03-20T11:15:00+00:00"}""",
            document.Body);
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_undeliverable()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Cancellation(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Nhs))));

        Assert.Equal("agency", refused.Field);
    }

    [Fact]
    public void Jobcentre_update_reads_as_its_one_hub_message()
    {
        var answer = Assert.Single(Format.ReadAnswer(SanctionProposedUpdate));

        Assert.Equal(
            new SanctionProposed(
                new Guid("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"), TestLegs.LegId, AgencyCodes.Dwp, "Chris Coach",
                DateTimeOffset.Parse("2025-03-19T10:05:00+00:00", CultureInfo.InvariantCulture), new DateOnly(2025, 4, 2), "Missed two appointments."),
            answer);
        Assert.Equal(JobcentreUpdateTranslator.Translate(SanctionProposedUpdate), answer);
    }

    [Fact]
    public void Invalid_update_is_rejected_naming_the_field()
    {
        var body = SanctionProposedUpdate.Replace("\"reason\": \"Missed two appointments.\"", "\"reasonCode\": \"missed\"", StringComparison.Ordinal);

        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(body));

        Assert.Equal(["reasonCode", "reason"], rejected.Errors.Keys);
    }

    [Theory]
    [InlineData("{ not json", "document")]
    [InlineData("null", "document")]
    [InlineData("""{ "type": "sanction-proposed", "proposedDate": "next Tuesday" }""", "proposedDate")]
    public void Unreadable_update_is_rejected_naming_the_field(string body, string field)
    {
        Assert.Equal([field], Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(body)).Errors.Keys);
    }

    [Fact]
    public void Decline_reasons_are_codes_each_with_words_to_show()
    {
        Assert.Empty(DeclineReasonList.ProblemsWith(Format.DeclineReasons));
    }

    public static TheoryData<string> Requirements() => [.. DwpRequirements.All.Select(r => r.Field)];

    static readonly Dictionary<string, LegRequested> FailingOnly = new()
    {
        [DwpRequirements.NationalInsuranceNumber.Field] = FullLeg.WithIdentifiers(IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.Crn),
        [DwpRequirements.CareLeaverAge.Field] = FullLeg.WithDateOfBirth(new DateOnly(1999, 3, 14)),
    };

    [Theory]
    [MemberData(nameof(Requirements))]
    public void Each_stated_requirement_is_the_one_a_leg_lacking_it_is_refused_on(string field)
    {
        Assert.Empty(DeliveryRequirementCheck.ProblemsWith(Format, FailingOnly[field]));
    }

    [Fact]
    public void Requirements_are_the_ni_number_and_the_care_leaver_age_and_the_full_leg_meets_them()
    {
        Assert.Equal(["person.identifiers[ni-number]", "person.dateOfBirth"], Format.DeliveryRequirements.Select(r => r.Field));
        Assert.All(Format.DeliveryRequirements, r => Assert.True(r.IsMetBy(FullLeg), r.Field));
    }
}
