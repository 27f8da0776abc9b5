using IntegrationHub.Adapters.AdultSocialCare.Answers;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare.Tests.Answers;

public class AdultSocialCareUpdateTranslatorTests
{
    const string Worker = "Ruth Adeyemi";
    static readonly Guid AnswerId = new("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    static readonly DateTimeOffset At = new(2025, 3, 17, 11, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset AssessmentAt = new(2025, 3, 27, 10, 30, 0, TimeSpan.Zero);

    static AdultSocialCareUpdate Update(string type) => new(AnswerId, TestLegs.LegId, type, Worker, At);

    static ILegAnswer Translate(AdultSocialCareUpdate update) => Assert.Single(AdultSocialCareUpdateTranslator.Translate(update));

    static AgencyAnswerRejectedException Rejected(AdultSocialCareUpdate update) =>
        Assert.Throws<AgencyAnswerRejectedException>(() => AdultSocialCareUpdateTranslator.Translate(update));

    [Fact]
    public void Acknowledged_update_becomes_LegAcknowledged_with_the_agency_reference()
    {
        Assert.Equal(
            new LegAcknowledged(AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At, "ASC-2025-0417"),
            Translate(Update("acknowledged") with { AgencyReference = "ASC-2025-0417" }));
    }

    [Fact]
    public void Acknowledged_update_may_come_before_a_reference()
    {
        Assert.Equal(new LegAcknowledged(AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At, null), Translate(Update("acknowledged")));
    }

    [Fact]
    public void Assessment_scheduled_becomes_AppointmentBooked_for_the_assessment()
    {
        var answer = Translate(Update("assessment-scheduled") with { AssessmentAt = AssessmentAt, Location = "Exampletown Civic Centre" });

        Assert.Equal(new AppointmentBooked(AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At, AssessmentAt, "Exampletown Civic Centre"), answer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Assessment_scheduled_without_a_place_says_adult_social_care_will_confirm_it(string? location)
    {
        var answer = Assert.IsType<AppointmentBooked>(Translate(Update("assessment-scheduled") with { AssessmentAt = AssessmentAt, Location = location }));

        Assert.Equal(AdultSocialCareUpdateTranslator.LocationToBeConfirmed, answer.Location);
    }

    [Fact]
    public void Eligible_needs_found_accepts_the_leg_with_the_needs_in_words_then_starts_care_and_support_planning()
    {
        var answers = AdultSocialCareUpdateTranslator.Translate(Update("eligible-needs-found") with { EligibleNeeds = "Preparing meals; managing the home." });

        Assert.Collection(answers,
            a => Assert.Equal(new LegAccepted(AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At, "Preparing meals; managing the home."), a),
            a => Assert.Equal(
                new LegStarted(a.AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At, AdultSocialCareUpdateTranslator.PlanningStarted), a));
    }

    [Fact]
    public void Resent_eligible_needs_update_derives_the_same_second_answer_id_and_another_update_another()
    {
        var update = Update("eligible-needs-found") with { EligibleNeeds = "Meals." };

        var first = AdultSocialCareUpdateTranslator.Translate(update)[1].AnswerId;

        Assert.Equal(first, AdultSocialCareUpdateTranslator.Translate(update)[1].AnswerId);
        Assert.NotEqual(AnswerId, first);
        Assert.NotEqual(first, AdultSocialCareUpdateTranslator.Translate(update with { AnswerId = Guid.NewGuid() })[1].AnswerId);
    }

    [Fact]
    public void No_eligible_needs_declines_the_leg_with_its_own_reason_code()
    {
        var answer = Translate(Update("no-eligible-needs") with { Reason = "Needs are met by the young person's own support network." });

        Assert.Equal(
            new LegDeclined(AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At,
                AdultSocialCareDeclineReasons.NoEligibleNeeds, "Needs are met by the young person's own support network."),
            answer);
    }

    [Theory]
    [InlineData(AdultSocialCareDeclineReasons.NotOrdinarilyResident)]
    [InlineData(AdultSocialCareDeclineReasons.AlreadyKnownToAdultServices)]
    [InlineData(AdultSocialCareDeclineReasons.NoConsent)]
    [InlineData(AdultSocialCareDeclineReasons.Other)]
    public void Declined_update_becomes_LegDeclined_with_its_code(string reasonCode)
    {
        var answer = Translate(Update("declined") with { ReasonCode = reasonCode, Reason = "As discussed with the PA." });

        Assert.Equal(new LegDeclined(AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At, reasonCode, "As discussed with the PA."), answer);
    }

    [Theory]
    [InlineData("moved-away")]
    [InlineData(AdultSocialCareDeclineReasons.NoEligibleNeeds)]
    public void Declined_update_with_a_code_not_of_its_list_is_rejected(string reasonCode)
    {
        var rejected = Rejected(Update("declined") with { ReasonCode = reasonCode, Reason = "Some reason." });

        Assert.Equal(["reasonCode"], rejected.Errors.Keys);
    }

    [Fact]
    public void Completed_update_completes_the_leg_naming_the_care_and_support_plan()
    {
        var answer = Assert.IsType<LegCompleted>(Translate(Update("completed") with { CarePlanReference = "CSP-88213" }));

        Assert.Equal(new LegCompleted(AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At, "Care and support plan CSP-88213 in place."), answer);
    }

    [Theory]
    [InlineData("assessment-scheduled", "assessmentAt")]
    [InlineData("eligible-needs-found", "eligibleNeeds")]
    [InlineData("no-eligible-needs", "reason")]
    [InlineData("declined", "reasonCode,reason")]
    [InlineData("completed", "carePlanReference")]
    public void Each_field_a_type_requires_is_named_when_missing(string type, string fields)
    {
        Assert.Equal(fields.Split(','), Rejected(Update(type)).Errors.Keys);
    }

    [Fact]
    public void Field_of_another_type_is_rejected_rather_than_dropped()
    {
        var rejected = Rejected(Update("eligible-needs-found") with { EligibleNeeds = "Meals.", CarePlanReference = "CSP-1", ReasonCode = "other" });

        Assert.Equal(["reasonCode", "carePlanReference"], rejected.Errors.Keys);
    }

    [Fact]
    public void Unknown_type_is_rejected()
    {
        Assert.Equal(["type"], Rejected(Update("accepted")).Errors.Keys);
    }

    [Fact]
    public void Each_missing_common_field_is_named()
    {
        Assert.Equal(["answerId", "legId", "type", "worker", "at"], Rejected(new AdultSocialCareUpdate(null, null, null, null, null)).Errors.Keys);
    }

    [Fact]
    public void Care_plan_reference_over_200_characters_is_rejected()
    {
        Assert.Equal(["carePlanReference"], Rejected(Update("completed") with { CarePlanReference = new string('x', 201) }).Errors.Keys);
    }

    [Fact]
    public void Update_is_read_from_camel_case_json()
    {
        const string json = """
            {
              "answerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
              "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8",
              "type": "assessment-scheduled",
              "worker": "Ruth Adeyemi",
              "at": "2025-03-17T11:00:00+00:00",
              "assessmentAt": "2025-03-27T10:30:00+00:00"
            }
            """;

        Assert.Equal(
            new AppointmentBooked(AnswerId, TestLegs.LegId, AgencyCodes.AdultSocialCare, Worker, At, AssessmentAt, AdultSocialCareUpdateTranslator.LocationToBeConfirmed),
            Assert.Single(AdultSocialCareUpdateTranslator.Translate(json)));
    }

    [Fact]
    public void Unreadable_json_value_is_rejected_naming_the_field()
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => AdultSocialCareUpdateTranslator.Translate("""{ "type": "assessment-scheduled", "assessmentAt": "next week" }"""));

        Assert.Equal(["assessmentAt"], rejected.Errors.Keys);
    }
}
