using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Probation.Answers;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation.Tests.Answers;

public class ProbationEventTranslatorTests
{
    static readonly Guid AnswerId = new("c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f");
    static readonly DateTimeOffset OccurredAt = new(2025, 3, 21, 8, 0, 0, TimeSpan.Zero);
    static readonly DateOnly ReleaseDate = new(2025, 4, 11);

    static ProbationEvent Event(string eventType, ProbationEventInformation? info = null, Guid? answerId = null) =>
        new(eventType, 1, answerId ?? AnswerId, OccurredAt, "Robin Officer", "Allocated to a probation practitioner.", info ?? new ProbationEventInformation(TestLegs.LegId));

    static AgencyAnswerRejectedException Rejected(ProbationEvent probationEvent) =>
        Assert.Throws<AgencyAnswerRejectedException>(() => ProbationEventTranslator.Translate(probationEvent));

    [Fact]
    public void Referral_accepted_becomes_LegAccepted_with_the_description_as_its_note()
    {
        var answer = ProbationEventTranslator.Translate(Event("probation.referral.accepted"));

        Assert.Equal(new LegAccepted(AnswerId, TestLegs.LegId, AgencyCodes.Probation, "Robin Officer", OccurredAt, "Allocated to a probation practitioner."), answer);
    }

    [Fact]
    public void Release_date_planned_becomes_CustodyReleasePlanned()
    {
        var answer = ProbationEventTranslator.Translate(Event("probation.release-date.planned", new ProbationEventInformation(TestLegs.LegId, ReleaseDate)));

        Assert.Equal(new CustodyReleasePlanned(AnswerId, TestLegs.LegId, AgencyCodes.Probation, "Robin Officer", OccurredAt, ReleaseDate), answer);
    }

    [Fact]
    public void Supervision_ended_becomes_SupervisionEnded()
    {
        var info = new ProbationEventInformation(TestLegs.LegId, EndedOn: new DateOnly(2025, 9, 30), Reason: "Sentence expired.");

        var answer = ProbationEventTranslator.Translate(Event("probation.supervision.ended", info));

        Assert.Equal(new SupervisionEnded(AnswerId, TestLegs.LegId, AgencyCodes.Probation, "Robin Officer", OccurredAt, new DateOnly(2025, 9, 30), "Sentence expired."), answer);
    }

    [Fact]
    public void Event_without_an_answer_id_derives_the_same_one_each_time_from_type_leg_and_time()
    {
        var withoutId = Event("probation.referral.accepted") with { AnswerId = null };

        var first = ProbationEventTranslator.Translate(withoutId).AnswerId;
        var again = ProbationEventTranslator.Translate(withoutId).AnswerId;
        var sameInstantOtherOffset = ProbationEventTranslator.Translate(withoutId with { OccurredAt = OccurredAt.ToOffset(TimeSpan.FromHours(1)) }).AnswerId;
        var later = ProbationEventTranslator.Translate(withoutId with { OccurredAt = OccurredAt.AddSeconds(1) }).AnswerId;
        var otherType = ProbationEventTranslator.Translate(
            withoutId with { EventType = "probation.release-date.planned", AdditionalInformation = new ProbationEventInformation(TestLegs.LegId, ReleaseDate) }).AnswerId;

        Assert.NotEqual(Guid.Empty, first);
        Assert.Equal(first, again);
        Assert.Equal(first, sameInstantOtherOffset);
        Assert.NotEqual(first, later);
        Assert.NotEqual(first, otherType);
        Assert.Equal(5, first.Version);
    }

    [Theory]
    [InlineData("probation.release-date.planned", "additionalInformation.releaseDate")]
    [InlineData("probation.supervision.ended", "additionalInformation.endedOn,additionalInformation.reason")]
    public void Each_field_an_event_type_requires_is_named_when_missing(string eventType, string fields)
    {
        Assert.Equal(fields.Split(','), Rejected(Event(eventType)).Errors.Keys);
    }

    [Fact]
    public void Field_of_another_event_type_is_rejected_rather_than_dropped()
    {
        var rejected = Rejected(Event("probation.referral.accepted", new ProbationEventInformation(TestLegs.LegId, ReleaseDate)));

        Assert.Equal(["additionalInformation.releaseDate"], rejected.Errors.Keys);
    }

    [Fact]
    public void Unknown_event_type_is_rejected()
    {
        Assert.Equal(["eventType"], Rejected(Event("probation.referral.declined")).Errors.Keys);
    }

    [Fact]
    public void Unknown_version_is_rejected()
    {
        Assert.Equal(["version"], Rejected(Event("probation.referral.accepted") with { Version = 2 }).Errors.Keys);
    }

    [Fact]
    public void Empty_answer_id_is_rejected()
    {
        Assert.Equal(["answerId"], Rejected(Event("probation.referral.accepted", answerId: Guid.Empty)).Errors.Keys);
    }

    [Fact]
    public void Each_missing_common_field_is_named()
    {
        var rejected = Rejected(new ProbationEvent(null, null, null, null, null, null, null));

        Assert.Equal(["eventType", "occurredAt", "officer", "additionalInformation.legId"], rejected.Errors.Keys);
    }

    [Fact]
    public void Event_is_read_from_domain_event_json()
    {
        const string json = """
            {
              "eventType": "probation.release-date.planned",
              "version": 1,
              "occurredAt": "2025-03-21T08:00:00Z",
              "officer": "Robin Officer",
              "description": "Release on licence planned.",
              "personReference": { "identifiers": [ { "type": "CRN", "value": "X123456" } ] },
              "additionalInformation": { "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8", "releaseDate": "2025-04-11" }
            }
            """;

        var answer = Assert.IsType<CustodyReleasePlanned>(ProbationEventTranslator.Translate(json));

        Assert.Equal((TestLegs.LegId, ReleaseDate, OccurredAt), (answer.LegId, answer.ReleaseDate, answer.AnsweredAt));
        Assert.NotEqual(Guid.Empty, answer.AnswerId);
    }

    [Fact]
    public void Unreadable_json_value_is_rejected_naming_the_nested_field()
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() =>
            ProbationEventTranslator.Translate("""{ "eventType": "probation.release-date.planned", "additionalInformation": { "releaseDate": "soon" } }"""));

        Assert.Equal(["additionalInformation.releaseDate"], rejected.Errors.Keys);
    }
}
