using System.Globalization;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Housing.Answers;
using IntegrationHub.Adapters.Housing.Referrals;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing.Tests;

public class HousingFormatTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.Housing);
    static readonly HousingFormat Format = new();

    const string AcceptedDecision = """
        {
          "answerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
          "legId": "6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8",
          "status": "accepted",
          "duty": "prevention",
          "officer": "Pat Officer",
          "decidedAt": "2025-03-18T15:45:00+00:00",
          "caseReference": "HX-2025-0042"
        }
        """;

    [Fact]
    public void Format_is_the_housing_agencys()
    {
        Assert.Equal(AgencyCodes.Housing, Format.Agency);
    }

    [Fact]
    public void Referral_is_the_duty_to_refer_referral_as_plain_json()
    {
        var document = Format.Referral(FullLeg);

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(AgencyJson.Serialize(DutyToReferTranslator.Translate(FullLeg)), document.Body);
        var (expected, actual) = GoldenFile.Compare(typeof(HousingFormatTests).Assembly, "duty-to-refer-referral.json", document.Body);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Referral_gives_the_translators_default_reason_for_referral()
    {
        Assert.Contains(
            $"\"reasonForReferral\":\"{ReasonsForReferral.ThreatenedWithHomelessness}\"", Format.Referral(FullLeg).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public-task", null, AgencyCodes.Housing, "lawfulBasis.basis")]
    [InlineData("consent", "2009-03-15", AgencyCodes.Housing, "person.dateOfBirth")]
    [InlineData("consent", "1999-03-14", AgencyCodes.Housing, "person.dateOfBirth")]
    [InlineData("consent", null, AgencyCodes.Dwp, "agency")]
    public void Leg_that_cannot_go_to_housing_is_undeliverable_saying_why_without_personal_data(
        string basis, string? dateOfBirth, string agency, string field)
    {
        var leg = TestLegs.Full(agency).WithLawfulBasis(basis);
        leg = dateOfBirth is null ? leg : leg.WithDateOfBirth(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture));

        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Referral(leg));

        Assert.Equal(field, refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
        Assert.StartsWith($"Leg {TestLegs.LegId} cannot be sent to housing: ", refused.Message, StringComparison.Ordinal);
        Assert.All(leg.PersonalData(), text => Assert.DoesNotContain(text, refused.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Cancellation_is_the_duty_to_refer_cancellation_as_plain_json()
    {
        var document = Format.Cancellation(TestLegs.Cancelled(FullLeg));

        Assert.Equal("application/json", document.ContentType);
        Assert.Equal(
            """{"hubReferences":{"referralId":"0c7d2f6e-3b1a-4c59-9e8d-5a4b3c2d1e0f","legId":"6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8"},"recipient":{"code":"E07000999","name":"Exampleshire District Council Housing Options"},"reason":"The young person has withdrawn consent.","kind":"circumstances-changed","cancelledBy":"Alex Morgan","cancelledAt":"2025-03-20T11:15:00+00:00"}""",
            document.Body);
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_undeliverable()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => Format.Cancellation(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Yos))));

        Assert.Equal("agency", refused.Field);
    }

    [Fact]
    public void Accepted_decision_reads_as_LegAccepted_then_HousingDutyAccepted()
    {
        var answers = Format.ReadAnswer(AcceptedDecision);

        var answerId = new Guid("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
        var decidedAt = new DateTimeOffset(2025, 3, 18, 15, 45, 0, TimeSpan.Zero);
        Assert.Collection(answers,
            a => Assert.Equal(
                new LegAccepted(answerId, TestLegs.LegId, AgencyCodes.Housing, "Pat Officer", decidedAt, "Prevention duty accepted (case HX-2025-0042)."), a),
            a => Assert.Equal(
                new HousingDutyAccepted(a.AnswerId, TestLegs.LegId, AgencyCodes.Housing, "Pat Officer", decidedAt, HousingDuties.Prevention, "HX-2025-0042"), a));
        Assert.Equal(HousingDecisionTranslator.Translate(AcceptedDecision), answers);
    }

    [Fact]
    public void Invalid_decision_is_rejected_naming_the_field()
    {
        var rejected = Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(AcceptedDecision.Replace("\"duty\": \"prevention\",", "", StringComparison.Ordinal)));

        Assert.Equal(["duty"], rejected.Errors.Keys);
        Assert.Contains("'duty' is required", Assert.Single(rejected.Errors["duty"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "document")]
    [InlineData("null", "document")]
    [InlineData("""{ "legId": "not-a-guid" }""", "legId")]
    public void Unreadable_decision_is_rejected_naming_the_field(string body, string field)
    {
        Assert.Equal([field], Assert.Throws<AgencyAnswerRejectedException>(() => Format.ReadAnswer(body)).Errors.Keys);
    }

    [Fact]
    public void Decline_reasons_include_the_two_the_hub_escalates()
    {
        Assert.Empty(DeclineReasonList.ProblemsWith(Format.DeclineReasons));
        Assert.Contains(HousingDeclineReasons.IntentionallyHomeless, Format.DeclineReasons.Keys);
        Assert.Contains(HousingDeclineReasons.NoLocalConnection, Format.DeclineReasons.Keys);
    }

    public static TheoryData<string> Requirements() => [.. HousingRequirements.All.Select(r => r.Field)];

    static readonly Dictionary<string, LegRequested> FailingOnly = new()
    {
        [HousingRequirements.ConsentBasis.Field] = FullLeg.WithLawfulBasis("public-task"),
        [HousingRequirements.ConsentToBeReferred.Field] = WithConsents(new(false, true, true)),
        [HousingRequirements.ConsentToChosenHousingAuthority.Field] = WithConsents(new(true, false, true)),
        [HousingRequirements.ConsentToShareContactDetails.Field] = WithConsents(new(true, true, false)),
        [HousingRequirements.CareLeaverAge.Field] = FullLeg.WithDateOfBirth(new DateOnly(2009, 3, 15)),
        [HousingRequirements.Contact.Field] = FullLeg with { Person = FullLeg.Person with { Contact = new ContactDetails(null, null, null, "EX1 2MP") } },
    };

    static LegRequested WithConsents(HousingReferralConsents consents) => FullLeg with { LawfulBasis = FullLeg.LawfulBasis with { HousingConsents = consents } };

    [Theory]
    [MemberData(nameof(Requirements))]
    public void Each_stated_requirement_is_the_one_a_leg_lacking_it_is_refused_on(string field)
    {
        Assert.Empty(DeliveryRequirementCheck.ProblemsWith(Format, FailingOnly[field]));
    }

    [Fact]
    public void Full_leg_meets_every_requirement()
    {
        Assert.Equal(6, Format.DeliveryRequirements.Count);
        Assert.All(Format.DeliveryRequirements, r => Assert.True(r.IsMetBy(FullLeg), r.Field));
    }
}
