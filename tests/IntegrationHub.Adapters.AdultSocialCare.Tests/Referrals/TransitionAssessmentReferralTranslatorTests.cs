using IntegrationHub.Adapters.AdultSocialCare.Referrals;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare.Tests.Referrals;

public class TransitionAssessmentReferralTranslatorTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.AdultSocialCare);

    static string Json(LegRequested leg) => AgencyJson.Serialize(TransitionAssessmentReferralTranslator.Translate(leg));

    [Fact]
    public void Full_referral_matches_the_golden_file()
    {
        var (expected, actual) = GoldenFile.Compare(typeof(TransitionAssessmentReferralTranslatorTests).Assembly, "transition-assessment-referral.json", Json(FullLeg));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Eet)]
    [InlineData(PlanSectionCodes.Financial)]
    [InlineData(PlanSectionCodes.EmotionalBehavioural)]
    [InlineData(PlanSectionCodes.Identity)]
    [InlineData(PlanSectionCodes.Justice)]
    [InlineData(PlanSectionCodes.Immigration)]
    [InlineData(PlanSectionCodes.Contingency)]
    public void Referral_carries_no_text_of_a_section_adult_social_care_may_not_see(string section)
    {
        Assert.DoesNotContain(TestLegs.Marker(section), Json(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Health)]
    [InlineData(PlanSectionCodes.Accommodation)]
    [InlineData(PlanSectionCodes.PracticalSkills)]
    [InlineData(PlanSectionCodes.Relationships)]
    public void Referral_carries_the_sections_that_record_care_and_support_needs(string section)
    {
        Assert.Contains(TestLegs.Marker(section), Json(FullLeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_section_is_carried_under_its_own_heading()
    {
        var sections = TransitionAssessmentReferralTranslator.Translate(FullLeg).Sections;

        Assert.Equal(TestLegs.Section(PlanSectionCodes.Health).Needs, sections.Health?.Needs);
        Assert.Equal(TestLegs.Section(PlanSectionCodes.Accommodation).Needs, sections.Accommodation?.Needs);
        Assert.Equal(TestLegs.Section(PlanSectionCodes.PracticalSkills).Needs, sections.PracticalSkills?.Needs);
        Assert.Equal(TestLegs.Section(PlanSectionCodes.Relationships).Needs, sections.Relationships?.Needs);
    }

    [Fact]
    public void Section_the_leg_does_not_hold_is_left_out()
    {
        var referral = TransitionAssessmentReferralTranslator.Translate(FullLeg.WithSections(PlanSectionCodes.Health));

        Assert.NotNull(referral.Sections.Health);
        Assert.Null(referral.Sections.PracticalSkills);
        Assert.DoesNotContain("\"practicalSkills\"", AgencyJson.Serialize(referral), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestLegs.NationalInsuranceNumber)]
    [InlineData(TestLegs.Crn)]
    public void Referral_carries_no_ni_number_or_crn(string identifier)
    {
        Assert.DoesNotContain(identifier, Json(FullLeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Referral_carries_the_person_with_local_authority_id_nhs_number_and_contact_details()
    {
        Assert.Equal(
            new TransitionPerson("Jordan", "Example", TestLegs.DateOfBirth, TestLegs.LocalAuthorityPersonId, TestLegs.NhsNumber,
                new TransitionContact("jordan.example@example.org", "07700 900123", "Flat 2, 10 Example Road, Exampletown", "EX1 2MP")),
            TransitionAssessmentReferralTranslator.Translate(FullLeg).Person);
    }

    [Fact]
    public void Young_person_without_identifiers_is_referred_without_them()
    {
        var referral = TransitionAssessmentReferralTranslator.Translate(FullLeg.WithIdentifiers());

        Assert.Null(referral.Person.LocalAuthorityPersonId);
        Assert.Null(referral.Person.NhsNumber);
        Assert.DoesNotContain("\"nhsNumber\"", AgencyJson.Serialize(referral), StringComparison.Ordinal);
    }

    [Fact]
    public void Young_person_of_18_or_over_is_referred_for_an_adults_needs_assessment()
    {
        var referral = TransitionAssessmentReferralTranslator.Translate(FullLeg);

        Assert.Equal(AgeBands.EighteenToTwenty, referral.AgeBand);
        Assert.False(referral.UnderEighteen);
    }

    [Theory]
    [InlineData("2007-03-15", true)]
    [InlineData("2007-03-14", false)]
    public void Young_person_under_18_on_the_referral_date_is_referred_for_a_childs_needs_assessment(string dateOfBirth, bool underEighteen)
    {
        var referral = TransitionAssessmentReferralTranslator.Translate(FullLeg.WithDateOfBirth(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(underEighteen, referral.UnderEighteen);
        Assert.Equal(underEighteen ? AgeBands.SixteenToSeventeen : AgeBands.EighteenToTwenty, referral.AgeBand);
    }

    [Fact]
    public void Referral_carries_the_lawful_basis_the_referrer_the_team_and_the_hub_references()
    {
        var referral = TransitionAssessmentReferralTranslator.Translate(FullLeg.WithLawfulBasis(LawfulBases.PublicTask));

        Assert.Equal(new TransitionLawfulBasis(LawfulBases.PublicTask, "Alex Morgan", FullLeg.LawfulBasis.RecordedAt, "Signed consent form on the case file."), referral.LawfulBasis);
        Assert.Equal(new PersonalAdviser("Alex Morgan", "alex.morgan@exampleshire.gov.uk", "01632 960123", TestLegs.TenantId), referral.Referrer);
        Assert.Equal(TestLegs.Recipient(AgencyCodes.AdultSocialCare), referral.Recipient);
        Assert.Equal(new HubReferences(TestLegs.ReferralId, TestLegs.LegId), referral.HubReferences);
    }

    [Fact]
    public void Leg_for_another_agency_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => TransitionAssessmentReferralTranslator.Translate(TestLegs.Full(AgencyCodes.Nhs)));

        Assert.Equal("agency", refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
    }

    [Fact]
    public void Cancellation_tells_adult_social_care_to_stop_with_who_when_and_why()
    {
        var cancelled = TestLegs.Cancelled(FullLeg);

        Assert.Equal(
            new TransitionAssessmentReferralCancellation(
                new HubReferences(TestLegs.ReferralId, TestLegs.LegId), TestLegs.Recipient(AgencyCodes.AdultSocialCare), cancelled.Reason, cancelled.Kind, cancelled.CancelledBy, cancelled.CancelledAt),
            TransitionAssessmentReferralTranslator.Translate(cancelled));
    }

    [Fact]
    public void Cancellation_matches_the_golden_file()
    {
        var json = AgencyJson.Serialize(TransitionAssessmentReferralTranslator.Translate(TestLegs.Cancelled(FullLeg)));

        var (expected, actual) = GoldenFile.Compare(typeof(TransitionAssessmentReferralTranslatorTests).Assembly, "transition-assessment-referral-cancellation.json", json);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => TransitionAssessmentReferralTranslator.Translate(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Yos))));

        Assert.Equal("agency", refused.Field);
    }
}
