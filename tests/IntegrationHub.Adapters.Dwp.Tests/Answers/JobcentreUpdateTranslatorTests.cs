using System.Globalization;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Dwp.Answers;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp.Tests.Answers;

public class JobcentreUpdateTranslatorTests
{
    static readonly Guid AnswerId = new("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
    static readonly DateTimeOffset At = new(2025, 3, 19, 10, 5, 0, TimeSpan.Zero);
    static readonly DateTimeOffset AppointmentAt = new(2025, 3, 26, 14, 30, 0, TimeSpan.Zero);
    static readonly DateOnly ProposedDate = new(2025, 4, 2);

    static JobcentreUpdate Update(string type) => new(AnswerId, TestLegs.LegId, type, "Chris Coach", At);

    static AgencyAnswerRejectedException Rejected(JobcentreUpdate update) =>
        Assert.Throws<AgencyAnswerRejectedException>(() => JobcentreUpdateTranslator.Translate(update));

    [Fact]
    public void Accepted_update_becomes_LegAccepted()
    {
        var answer = JobcentreUpdateTranslator.Translate(Update("accepted") with { Text = "Care leaver SPOC allocated." });

        Assert.Equal(new LegAccepted(AnswerId, TestLegs.LegId, AgencyCodes.Dwp, "Chris Coach", At, "Care leaver SPOC allocated."), answer);
    }

    [Fact]
    public void Appointment_booked_becomes_AppointmentBooked()
    {
        var answer = JobcentreUpdateTranslator.Translate(Update("appointment-booked") with { AppointmentAt = AppointmentAt, Location = "Exampletown Jobcentre, room 3" });

        Assert.Equal(new AppointmentBooked(AnswerId, TestLegs.LegId, AgencyCodes.Dwp, "Chris Coach", At, AppointmentAt, "Exampletown Jobcentre, room 3"), answer);
    }

    [Fact]
    public void Claim_update_becomes_ClaimUpdated()
    {
        var answer = JobcentreUpdateTranslator.Translate(Update("claim-update") with { Text = "Universal Credit advance paid." });

        Assert.Equal(new ClaimUpdated(AnswerId, TestLegs.LegId, AgencyCodes.Dwp, "Chris Coach", At, "Universal Credit advance paid."), answer);
    }

    [Fact]
    public void Sanction_proposed_becomes_SanctionProposed()
    {
        var answer = JobcentreUpdateTranslator.Translate(Update("sanction-proposed") with { ProposedDate = ProposedDate, Reason = "Missed two appointments." });

        Assert.Equal(new SanctionProposed(AnswerId, TestLegs.LegId, AgencyCodes.Dwp, "Chris Coach", At, ProposedDate, "Missed two appointments."), answer);
    }

    [Theory]
    [InlineData("applied", "Good reason not shown.")]
    [InlineData("not-applied", null)]
    public void Sanction_decided_becomes_SanctionDecided(string decision, string? text)
    {
        var answer = JobcentreUpdateTranslator.Translate(Update("sanction-decided") with { Decision = decision, Text = text });

        Assert.Equal(new SanctionDecided(AnswerId, TestLegs.LegId, AgencyCodes.Dwp, "Chris Coach", At, decision, text), answer);
    }

    [Fact]
    public void Declined_update_becomes_LegDeclined()
    {
        var answer = JobcentreUpdateTranslator.Translate(Update("declined") with { ReasonCode = "already-supported", Reason = "Supported at another Jobcentre." });

        Assert.Equal(new LegDeclined(AnswerId, TestLegs.LegId, AgencyCodes.Dwp, "Chris Coach", At, "already-supported", "Supported at another Jobcentre."), answer);
    }

    [Theory]
    [InlineData("appointment-booked", "appointmentAt,location")]
    [InlineData("claim-update", "text")]
    [InlineData("sanction-proposed", "proposedDate,reason")]
    [InlineData("sanction-decided", "decision")]
    [InlineData("declined", "reasonCode,reason")]
    public void Each_field_a_type_requires_is_named_when_missing(string type, string fields)
    {
        Assert.Equal(fields.Split(','), Rejected(Update(type)).Errors.Keys);
    }

    [Fact]
    public void Unknown_sanction_decision_is_rejected()
    {
        Assert.Equal(["decision"], Rejected(Update("sanction-decided") with { Decision = "maybe" }).Errors.Keys);
    }

    [Fact]
    public void Field_of_another_type_is_rejected_rather_than_dropped()
    {
        var rejected = Rejected(Update("claim-update") with { Text = "Claim made.", ProposedDate = ProposedDate });

        Assert.Equal(["proposedDate"], rejected.Errors.Keys);
        Assert.Contains("'claim-update'", Assert.Single(rejected.Errors["proposedDate"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_code_must_be_a_code()
    {
        Assert.Equal(["reasonCode"], Rejected(Update("declined") with { ReasonCode = "Already Supported!", Reason = "Elsewhere." }).Errors.Keys);
    }

    [Fact]
    public void Unknown_type_is_rejected()
    {
        Assert.Equal(["type"], Rejected(Update("sanction-maybe")).Errors.Keys);
    }

    [Fact]
    public void Each_missing_common_field_is_named()
    {
        var rejected = Rejected(new JobcentreUpdate(null, null, null, null, null));

        Assert.Equal(["answerId", "legId", "type", "officer", "at"], rejected.Errors.Keys);
    }

    [Fact]
    public void Update_is_read_from_camel_case_json()
    {
        const string json = """
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

        var answer = Assert.IsType<SanctionProposed>(JobcentreUpdateTranslator.Translate(json));

        Assert.Equal(DateOnly.Parse("2025-04-02", CultureInfo.InvariantCulture), answer.ProposedDate);
        Assert.Equal(AnswerId, answer.AnswerId);
    }

    [Fact]
    public void Unreadable_json_value_is_rejected_naming_the_field()
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() =>
            JobcentreUpdateTranslator.Translate("""{ "type": "sanction-proposed", "proposedDate": "next Tuesday" }"""));

        Assert.Equal(["proposedDate"], rejected.Errors.Keys);
    }
}
