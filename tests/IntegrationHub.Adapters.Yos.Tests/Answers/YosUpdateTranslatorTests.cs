using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Adapters.Yos.Answers;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos.Tests.Answers;

public class YosUpdateTranslatorTests
{
    static readonly Guid AnswerId = new("d4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80");
    static readonly DateTimeOffset At = new(2025, 3, 22, 16, 20, 0, TimeSpan.Zero);

    static YosUpdate Update(string type) => new(AnswerId, TestLegs.LegId, type, "Casey Worker", At);

    static AgencyAnswerRejectedException Rejected(YosUpdate update) =>
        Assert.Throws<AgencyAnswerRejectedException>(() => YosUpdateTranslator.Translate(update));

    [Fact]
    public void Accepted_update_becomes_LegAccepted()
    {
        Assert.Equal(new LegAccepted(AnswerId, TestLegs.LegId, AgencyCodes.Yos, "Casey Worker", At, null), YosUpdateTranslator.Translate(Update("accepted")));
    }

    [Fact]
    public void Transition_to_probation_due_becomes_TransitionToProbationDue()
    {
        var dueDate = new DateOnly(2025, 7, 2);

        var answer = YosUpdateTranslator.Translate(Update("transition-to-probation-due") with { DueDate = dueDate });

        Assert.Equal(new TransitionToProbationDue(AnswerId, TestLegs.LegId, AgencyCodes.Yos, "Casey Worker", At, dueDate), answer);
    }

    [Fact]
    public void Custody_release_planned_becomes_the_same_CustodyReleasePlanned_probation_gives()
    {
        var releaseDate = new DateOnly(2025, 4, 18);

        var answer = YosUpdateTranslator.Translate(Update("custody-release-planned") with { ReleaseDate = releaseDate });

        Assert.Equal(new CustodyReleasePlanned(AnswerId, TestLegs.LegId, AgencyCodes.Yos, "Casey Worker", At, releaseDate), answer);
    }

    [Fact]
    public void Declined_update_becomes_LegDeclined()
    {
        var answer = YosUpdateTranslator.Translate(Update("declined") with { ReasonCode = "no-current-order", Reason = "No open court order." });

        Assert.Equal(new LegDeclined(AnswerId, TestLegs.LegId, AgencyCodes.Yos, "Casey Worker", At, "no-current-order", "No open court order."), answer);
    }

    [Theory]
    [InlineData("transition-to-probation-due", "dueDate")]
    [InlineData("custody-release-planned", "releaseDate")]
    [InlineData("declined", "reasonCode,reason")]
    public void Each_field_a_type_requires_is_named_when_missing(string type, string fields)
    {
        Assert.Equal(fields.Split(','), Rejected(Update(type)).Errors.Keys);
    }

    [Fact]
    public void Field_of_another_type_is_rejected_rather_than_dropped()
    {
        var rejected = Rejected(Update("custody-release-planned") with { ReleaseDate = new DateOnly(2025, 4, 18), DueDate = new DateOnly(2025, 7, 2) });

        Assert.Equal(["dueDate"], rejected.Errors.Keys);
    }

    [Fact]
    public void Unknown_type_is_rejected()
    {
        Assert.Equal(["type"], Rejected(Update("transferred")).Errors.Keys);
    }

    [Fact]
    public void Each_missing_common_field_is_named()
    {
        Assert.Equal(["answerId", "legId", "type", "officer", "at"], Rejected(new YosUpdate(null, null, null, null, null)).Errors.Keys);
    }

    [Fact]
    public void Update_is_read_from_camel_case_json()
    {
        const string json = """
            {
              "answerId": "d4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80",
              "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8",
              "type": "transition-to-probation-due",
              "officer": "Casey Worker",
              "at": "2025-03-22T16:20:00+00:00",
              "dueDate": "2025-07-02"
            }
            """;

        Assert.Equal(
            new TransitionToProbationDue(AnswerId, TestLegs.LegId, AgencyCodes.Yos, "Casey Worker", At, new DateOnly(2025, 7, 2)),
            YosUpdateTranslator.Translate(json));
    }

    [Fact]
    public void Unreadable_json_value_is_rejected_naming_the_field()
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => YosUpdateTranslator.Translate("""{ "type": "custody-release-planned", "releaseDate": 20250418 }"""));

        Assert.Equal(["releaseDate"], rejected.Errors.Keys);
    }
}
