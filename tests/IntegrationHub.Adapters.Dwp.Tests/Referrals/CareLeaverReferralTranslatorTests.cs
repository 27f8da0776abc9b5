using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Dwp.Referrals;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp.Tests.Referrals;

public class CareLeaverReferralTranslatorTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.Dwp);

    static string Json(LegRequested leg) => AgencyJson.Serialize(CareLeaverReferralTranslator.Translate(leg));

    [Fact]
    public void Full_referral_matches_the_golden_file()
    {
        var (expected, actual) = GoldenFile.Compare(typeof(CareLeaverReferralTranslatorTests).Assembly, "care-leaver-referral.json", Json(FullLeg));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Accommodation)]
    [InlineData(PlanSectionCodes.Health)]
    [InlineData(PlanSectionCodes.Relationships)]
    [InlineData(PlanSectionCodes.PracticalSkills)]
    [InlineData(PlanSectionCodes.EmotionalBehavioural)]
    [InlineData(PlanSectionCodes.Identity)]
    [InlineData(PlanSectionCodes.Justice)]
    [InlineData(PlanSectionCodes.Immigration)]
    [InlineData(PlanSectionCodes.Contingency)]
    public void Referral_carries_no_text_of_a_section_the_jobcentre_may_not_see(string section)
    {
        Assert.DoesNotContain(TestLegs.Marker(section), Json(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Eet)]
    [InlineData(PlanSectionCodes.Financial)]
    public void Referral_carries_the_eet_and_financial_sections(string section)
    {
        Assert.Contains(TestLegs.Marker(section), Json(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestLegs.NhsNumber)]
    [InlineData(TestLegs.Crn)]
    [InlineData(TestLegs.LocalAuthorityPersonId)] // the NI number finds the claimant; the council's own id is not needed
    public void Referral_carries_no_identifier_but_the_ni_number(string identifier)
    {
        Assert.DoesNotContain(identifier, Json(FullLeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Referral_carries_the_claimant_by_ni_number_with_their_contact_details()
    {
        var person = CareLeaverReferralTranslator.Translate(FullLeg).Person;

        Assert.Equal(
            new Claimant(TestLegs.NationalInsuranceNumber, "Jordan", "Example", TestLegs.DateOfBirth,
                new ClaimantContact("jordan.example@example.org", "07700 900123", "Flat 2, 10 Example Road, Exampletown", "EX1 2MP")),
            person);
    }

    [Fact]
    public void Ni_number_is_sent_upper_case_without_spaces()
    {
        var leg = FullLeg with
        {
            Person = FullLeg.Person with { Identifiers = [new PersonIdentifier(IdentifierTypes.NationalInsuranceNumber, " ab 12 34 56 c ")] },
        };

        Assert.Equal("AB123456C", CareLeaverReferralTranslator.Translate(leg).Person.NationalInsuranceNumber);
    }

    [Fact]
    public void Referral_carries_the_care_leaver_marker_and_age_band()
    {
        var referral = CareLeaverReferralTranslator.Translate(FullLeg);

        Assert.True(referral.CareLeaver);
        Assert.Equal(AgeBands.EighteenToTwenty, referral.AgeBand);
        Assert.Contains("\"careLeaver\":true", Json(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2009-03-14", "16-17")]
    [InlineData("2007-03-15", "16-17")]
    [InlineData("2007-03-14", "18-20")]
    [InlineData("2004-03-14", "21-25")]
    public void Age_band_is_the_one_on_the_referral_date(string dateOfBirth, string ageBand)
    {
        var leg = FullLeg.WithDateOfBirth(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ageBand, CareLeaverReferralTranslator.Translate(leg).AgeBand);
    }

    [Fact]
    public void Referral_carries_the_personal_advisers_contact_the_jobcentre_and_the_hub_references()
    {
        var referral = CareLeaverReferralTranslator.Translate(FullLeg);

        Assert.Equal(new PersonalAdviser("Alex Morgan", "alex.morgan@exampleshire.gov.uk", "01632 960123", TestLegs.TenantId), referral.PersonalAdviser);
        Assert.Equal(TestLegs.Recipient(AgencyCodes.Dwp), referral.Recipient);
        Assert.Equal(new HubReferences(TestLegs.ReferralId, TestLegs.LegId), referral.HubReferences);
    }

    [Fact]
    public void Dwp_leg_without_an_ni_number_is_refused()
    {
        var leg = FullLeg.WithIdentifiers(IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NhsNumber, IdentifierTypes.Crn);

        var refused = Assert.Throws<LegUndeliverableException>(() => CareLeaverReferralTranslator.Translate(leg));

        Assert.Equal("person.identifiers[ni-number]", refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
    }

    [Fact]
    public void Dwp_leg_with_a_blank_ni_number_is_refused()
    {
        var leg = FullLeg with
        {
            Person = FullLeg.Person with { Identifiers = [new PersonIdentifier(IdentifierTypes.NationalInsuranceNumber, "  ")] },
        };

        Assert.Equal("person.identifiers[ni-number]", Assert.Throws<LegUndeliverableException>(() => CareLeaverReferralTranslator.Translate(leg)).Field);
    }

    [Fact]
    public void Leg_for_another_agency_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => CareLeaverReferralTranslator.Translate(TestLegs.Full(AgencyCodes.Housing)));

        Assert.Equal("agency", refused.Field);
    }

    [Theory]
    [InlineData("2009-03-15")]
    [InlineData("1999-03-14")]
    public void Young_person_outside_16_to_25_is_refused(string dateOfBirth)
    {
        var leg = FullLeg.WithDateOfBirth(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("person.dateOfBirth", Assert.Throws<LegUndeliverableException>(() => CareLeaverReferralTranslator.Translate(leg)).Field);
    }

    [Fact]
    public void Cancellation_tells_the_jobcentre_to_stop_with_who_when_and_why()
    {
        var cancelled = TestLegs.Cancelled(FullLeg);

        Assert.Equal(
            new CareLeaverReferralCancellation(new HubReferences(TestLegs.ReferralId, TestLegs.LegId), TestLegs.Recipient(AgencyCodes.Dwp), cancelled.Reason, cancelled.Kind, cancelled.CancelledBy, cancelled.CancelledAt),
            CareLeaverReferralTranslator.Translate(cancelled));
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => CareLeaverReferralTranslator.Translate(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Yos))));

        Assert.Equal("agency", refused.Field);
    }
}
