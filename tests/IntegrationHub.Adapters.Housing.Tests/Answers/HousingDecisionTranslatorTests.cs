using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Housing.Answers;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing.Tests.Answers;

public class HousingDecisionTranslatorTests
{
    static readonly Guid AnswerId = new("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    static readonly DateTimeOffset DecidedAt = new(2025, 3, 18, 15, 45, 0, TimeSpan.Zero);

    static HousingDecision Decision(string status, string? duty = null, string? declineReason = null, string? reasonText = null) =>
        new(AnswerId, TestLegs.LegId, status, duty, declineReason, reasonText, "Pat Officer", DecidedAt, "HX-2025-0042");

    static AgencyAnswerRejectedException Rejected(HousingDecision decision) =>
        Assert.Throws<AgencyAnswerRejectedException>(() => HousingDecisionTranslator.Translate(decision));

    [Fact]
    public void Acknowledged_decision_becomes_LegAcknowledged_with_the_case_reference()
    {
        var answer = Assert.Single(HousingDecisionTranslator.Translate(Decision("acknowledged")));

        Assert.Equal(new LegAcknowledged(AnswerId, TestLegs.LegId, AgencyCodes.Housing, "Pat Officer", DecidedAt, "HX-2025-0042"), answer);
    }

    [Theory]
    [InlineData("prevention", "Prevention duty accepted (case HX-2025-0042).")]
    [InlineData("relief", "Relief duty accepted (case HX-2025-0042).")]
    public void Accepted_decision_becomes_LegAccepted_naming_the_duty_and_HousingDutyAccepted(string duty, string note)
    {
        var answers = HousingDecisionTranslator.Translate(Decision("accepted", duty));

        Assert.Collection(answers,
            a => Assert.Equal(new LegAccepted(AnswerId, TestLegs.LegId, AgencyCodes.Housing, "Pat Officer", DecidedAt, note), a),
            a =>
            {
                var accepted = Assert.IsType<HousingDutyAccepted>(a);
                Assert.NotEqual(AnswerId, accepted.AnswerId);
                Assert.NotEqual(Guid.Empty, accepted.AnswerId);
                Assert.Equal(
                    new HousingDutyAccepted(accepted.AnswerId, TestLegs.LegId, AgencyCodes.Housing, "Pat Officer", DecidedAt, duty, "HX-2025-0042"),
                    accepted);
            });
    }

    [Fact]
    public void Resent_accepted_decision_derives_the_same_duty_answer_id()
    {
        var first = HousingDecisionTranslator.Translate(Decision("accepted", "relief"))[1];
        var again = HousingDecisionTranslator.Translate(Decision("accepted", "relief"))[1];
        var another = HousingDecisionTranslator.Translate(Decision("accepted", "relief") with { AnswerId = Guid.NewGuid() })[1];

        Assert.Equal(first.AnswerId, again.AnswerId);
        Assert.NotEqual(first.AnswerId, another.AnswerId);
    }

    [Fact]
    public void Declined_decision_becomes_LegDeclined_with_the_reason_code()
    {
        var answer = Assert.Single(HousingDecisionTranslator.Translate(Decision("declined", declineReason: "no-local-connection", reasonText: "Lives in another district.")));

        Assert.Equal(
            new LegDeclined(AnswerId, TestLegs.LegId, AgencyCodes.Housing, "Pat Officer", DecidedAt, "no-local-connection", "Lives in another district."),
            answer);
    }

    [Fact]
    public void Declined_decision_without_words_takes_the_reason_codes_description()
    {
        var answer = Assert.IsType<LegDeclined>(Assert.Single(HousingDecisionTranslator.Translate(Decision("declined", declineReason: "intentionally-homeless"))));

        Assert.Equal("intentionally-homeless", answer.ReasonCode);
        Assert.Equal("Found intentionally homeless.", answer.Reason);
    }

    [Fact]
    public void Accepted_decision_needs_a_duty()
    {
        Assert.Equal(["duty"], Rejected(Decision("accepted")).Errors.Keys);
    }

    [Fact]
    public void Unknown_duty_is_rejected()
    {
        var rejected = Rejected(Decision("accepted", "main-duty"));

        Assert.Contains("prevention, relief", Assert.Single(rejected.Errors["duty"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Declined_decision_needs_a_decline_reason()
    {
        Assert.Equal(["declineReason"], Rejected(Decision("declined", reasonText: "No.")).Errors.Keys);
    }

    [Fact]
    public void Unknown_decline_reason_is_rejected()
    {
        Assert.Equal(["declineReason"], Rejected(Decision("declined", declineReason: "too-young")).Errors.Keys);
    }

    [Fact]
    public void Other_decline_reason_needs_words()
    {
        Assert.Equal(["reasonText"], Rejected(Decision("declined", declineReason: "other")).Errors.Keys);
    }

    [Theory]
    [InlineData("declined", "duty")]
    [InlineData("acknowledged", "duty")]
    public void Duty_is_only_for_an_accepted_decision(string status, string field)
    {
        var decision = Decision(status, duty: "prevention", declineReason: status == "declined" ? "not-eligible" : null);

        Assert.Equal([field], Rejected(decision).Errors.Keys);
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("acknowledged")]
    public void Decline_reason_is_only_for_a_declined_decision(string status)
    {
        var decision = Decision(status, duty: status == "accepted" ? "relief" : null, declineReason: "not-eligible");

        Assert.Equal(["declineReason"], Rejected(decision).Errors.Keys);
    }

    [Fact]
    public void Reason_text_on_an_acknowledgement_is_rejected_rather_than_dropped()
    {
        Assert.Equal(["reasonText"], Rejected(Decision("acknowledged", reasonText: "Looking into it.")).Errors.Keys);
    }

    [Fact]
    public void Unknown_status_is_rejected()
    {
        Assert.Equal(["status"], Rejected(Decision("approved")).Errors.Keys);
    }

    [Fact]
    public void Each_missing_required_field_is_named()
    {
        var rejected = Rejected(new HousingDecision(null, Guid.Empty, null, null, null, null, " ", null, null));

        Assert.Equal(["answerId", "legId", "status", "officer", "decidedAt"], rejected.Errors.Keys);
    }

    [Fact]
    public void Rejection_names_the_fields_and_says_what_is_wrong()
    {
        var rejected = Rejected(Decision("accepted"));

        Assert.Equal(["duty"], rejected.Errors.Keys);
        Assert.Contains("'duty' is required", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_document_is_read_from_camel_case_json()
    {
        const string json = """
            {
              "answerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
              "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8",
              "status": "accepted",
              "duty": "relief",
              "officer": "Pat Officer",
              "decidedAt": "2025-03-18T15:45:00+00:00",
              "caseReference": "HX-2025-0042"
            }
            """;

        var answers = HousingDecisionTranslator.Translate(json);

        Assert.Equal(HousingDecisionTranslator.Translate(Decision("accepted", "relief")), answers);
    }

    [Fact]
    public void Unreadable_json_value_is_rejected_naming_the_field()
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() =>
            HousingDecisionTranslator.Translate("""{ "answerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "legId": "not-a-guid" }"""));

        Assert.Equal(["legId"], rejected.Errors.Keys);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("null")]
    public void Document_that_is_not_a_decision_is_rejected(string json)
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => HousingDecisionTranslator.Translate(json));

        Assert.Equal(["document"], rejected.Errors.Keys);
    }
}
