using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Adapters.Yos.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos.Tests.Referrals;

public class YouthJusticeReferralTranslatorTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.Yos);

    static string Json(LegRequested leg) => AgencyJson.Serialize(YouthJusticeReferralTranslator.Translate(leg));

    [Fact]
    public void Full_referral_matches_the_golden_file()
    {
        var (expected, actual) = GoldenFile.Compare(typeof(YouthJusticeReferralTranslatorTests).Assembly, "youth-justice-referral.json", Json(FullLeg));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Accommodation)]
    [InlineData(PlanSectionCodes.Financial)]
    [InlineData(PlanSectionCodes.PracticalSkills)]
    [InlineData(PlanSectionCodes.EmotionalBehavioural)]
    [InlineData(PlanSectionCodes.Identity)]
    [InlineData(PlanSectionCodes.Immigration)]
    [InlineData(PlanSectionCodes.Contingency)]
    public void Referral_carries_no_text_of_a_section_the_yos_may_not_see(string section)
    {
        Assert.DoesNotContain(TestLegs.Marker(section), Json(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Justice)]
    [InlineData(PlanSectionCodes.Eet)]
    [InlineData(PlanSectionCodes.Health)]
    [InlineData(PlanSectionCodes.Relationships)]
    public void Referral_carries_the_justice_eet_health_and_family_sections(string section)
    {
        Assert.Contains(TestLegs.Marker(section), Json(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestLegs.NhsNumber)]
    [InlineData(TestLegs.NationalInsuranceNumber)]
    public void Referral_carries_no_nhs_number_or_ni_number(string identifier)
    {
        Assert.DoesNotContain(identifier, Json(FullLeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Referral_carries_the_person_with_crn_local_authority_id_and_contact_details()
    {
        var person = YouthJusticeReferralTranslator.Translate(FullLeg).Person;

        Assert.Equal(
            new YouthJusticePerson("Jordan", "Example", TestLegs.DateOfBirth, TestLegs.Crn, TestLegs.LocalAuthorityPersonId,
                new YouthJusticeContact("jordan.example@example.org", "07700 900123", "Flat 2, 10 Example Road, Exampletown", "EX1 2MP")),
            person);
    }

    [Fact]
    public void Young_person_without_a_crn_is_referred_without_one()
    {
        var referral = YouthJusticeReferralTranslator.Translate(FullLeg.WithIdentifiers(IdentifierTypes.LocalAuthorityPersonId));

        Assert.Null(referral.Person.Crn);
        Assert.DoesNotContain("\"crn\"", AgencyJson.Serialize(referral), StringComparison.Ordinal);
    }

    [Fact]
    public void Referral_carries_the_referrer_the_yos_and_the_hub_references()
    {
        var referral = YouthJusticeReferralTranslator.Translate(FullLeg);

        Assert.Equal(new PersonalAdviser("Alex Morgan", "alex.morgan@exampleshire.gov.uk", "01632 960123", TestLegs.TenantId), referral.Referrer);
        Assert.Equal(TestLegs.Recipient(AgencyCodes.Yos), referral.Recipient);
        Assert.Equal(new HubReferences(TestLegs.ReferralId, TestLegs.LegId), referral.HubReferences);
    }

    [Fact]
    public void Leg_for_another_agency_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => YouthJusticeReferralTranslator.Translate(TestLegs.Full(AgencyCodes.Probation)));

        Assert.Equal("agency", refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
    }

    [Fact]
    public void Cancellation_tells_the_yos_to_stop_with_who_when_and_why()
    {
        var cancelled = TestLegs.Cancelled(FullLeg);

        Assert.Equal(
            new YouthJusticeReferralCancellation(
                new HubReferences(TestLegs.ReferralId, TestLegs.LegId), TestLegs.Recipient(AgencyCodes.Yos), cancelled.Reason, cancelled.Kind, cancelled.CancelledBy, cancelled.CancelledAt),
            YouthJusticeReferralTranslator.Translate(cancelled));
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => YouthJusticeReferralTranslator.Translate(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Dwp))));

        Assert.Equal("agency", refused.Field);
    }
}
