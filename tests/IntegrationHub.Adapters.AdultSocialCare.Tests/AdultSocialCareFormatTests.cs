using IntegrationHub.Adapters.AdultSocialCare.Answers;
using IntegrationHub.Adapters.AdultSocialCare.Referrals;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare.Tests;

public class AdultSocialCareFormatTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.AdultSocialCare);
    static readonly AdultSocialCareFormat Format = new();

    [Fact]
    public void Format_is_adult_social_cares()
    {
        Assert.Equal(AgencyCodes.AdultSocialCare, Format.Agency);
    }

    [Fact]
    public void Referral_is_the_transition_assessment_referral_as_plain_json()
    {
        var document = Format.Referral(FullLeg);

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(AgencyJson.Serialize(TransitionAssessmentReferralTranslator.Translate(FullLeg)), document.Body);
        var (expected, actual) = GoldenFile.Compare(typeof(AdultSocialCareFormatTests).Assembly, "transition-assessment-referral.json", document.Body);
        Assert.Equal(expected, actual);
    }

    public static TheoryData<LegRequested, string> UndeliverableLegs => new()
    {
        { FullLeg.WithDateOfBirth(new DateOnly(2009, 3, 15)), "person.dateOfBirth" },
        { FullLeg.WithDateOfBirth(new DateOnly(1999, 3, 14)), "person.dateOfBirth" },
        { TestLegs.Full(AgencyCodes.Probation), "agency" },
    };

    [Theory]
    [MemberData(nameof(UndeliverableLegs))]
    public void Leg_that_cannot_go_to_adult_social_care_is_undeliverable_saying_why_without_personal_data(LegRequested leg, string field)
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Referral(leg));

        Assert.Equal(field, refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
        Assert.StartsWith($"Leg {TestLegs.LegId} cannot be sent to adult social care: ", refused.Message, StringComparison.Ordinal);
        Assert.All(leg.PersonalData(), text => Assert.DoesNotContain(text, refused.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Cancellation_is_the_transition_assessment_referral_cancellation_as_plain_json()
    {
        var document = Format.Cancellation(TestLegs.Cancelled(FullLeg));

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(AgencyJson.Serialize(TransitionAssessmentReferralTranslator.Translate(TestLegs.Cancelled(FullLeg))), document.Body);
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_undeliverable()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Cancellation(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Housing))));

        Assert.Equal("agency", refused.Field);
    }

    [Fact]
    public void Update_reads_as_its_one_hub_message()
    {
        var answer = Assert.Single(Format.ReadAnswer(GoldenFile.Read("update.json")));

        Assert.Equal(
            new AppointmentBooked(
                new Guid("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"), TestLegs.LegId, AgencyCodes.AdultSocialCare, "Ruth Adeyemi",
                new DateTimeOffset(2025, 3, 17, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 27, 10, 30, 0, TimeSpan.Zero),
                "The young person's home, with their Personal Adviser"),
            answer);
    }

    [Fact]
    public void Invalid_update_is_rejected_naming_the_field()
    {
        var body = GoldenFile.Read("update.json").Replace("\"assessmentAt\"", "\"eligibleNeeds\"", StringComparison.Ordinal);

        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(body));

        Assert.Equal(["eligibleNeeds", "assessmentAt"], rejected.Errors.Keys);
    }

    [Theory]
    [InlineData("{ not json", "document")]
    [InlineData("null", "document")]
    [InlineData("""{ "type": "assessment-scheduled", "assessmentAt": 20250327 }""", "assessmentAt")]
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
    public void Decline_reasons_the_hub_shows_include_every_code_an_update_can_decline_with()
    {
        Assert.Equal(
            [AdultSocialCareDeclineReasons.NoEligibleNeeds, .. AdultSocialCareDeclineReasons.All],
            Format.DeclineReasons.Keys);
    }

    [Fact]
    public void The_one_requirement_is_the_care_leaver_age_and_a_leg_lacking_it_is_refused_on_it()
    {
        Assert.Equal(["person.dateOfBirth"], Format.DeliveryRequirements.Select(r => r.Field));
        Assert.Empty(DeliveryRequirementCheck.ProblemsWith(Format, FullLeg.WithDateOfBirth(new DateOnly(1999, 3, 14))));
    }

    [Fact]
    public void Leg_with_no_identifier_or_contact_detail_is_referred()
    {
        var bare = FullLeg with { Person = FullLeg.Person with { Identifiers = [], Contact = new ContactDetails(null, null, null, null) } };

        Assert.All(Format.DeliveryRequirements, r => Assert.True(r.IsMetBy(bare), r.Field));
        Assert.Equal("application/json", Format.Referral(bare).ContentType);
    }
}
