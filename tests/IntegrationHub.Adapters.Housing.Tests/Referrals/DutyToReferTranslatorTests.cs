using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Housing.Referrals;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing.Tests.Referrals;

public class DutyToReferTranslatorTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.Housing);

    static string Json(LegRequested leg) => AgencyJson.Serialize(DutyToReferTranslator.Translate(leg));

    [Fact]
    public void Full_referral_matches_the_golden_file()
    {
        var (expected, actual) = GoldenFile.Compare(typeof(DutyToReferTranslatorTests).Assembly, "duty-to-refer-referral.json", Json(FullLeg));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Health)]
    [InlineData(PlanSectionCodes.Eet)]
    [InlineData(PlanSectionCodes.Relationships)]
    [InlineData(PlanSectionCodes.EmotionalBehavioural)]
    [InlineData(PlanSectionCodes.Identity)]
    [InlineData(PlanSectionCodes.Justice)]
    [InlineData(PlanSectionCodes.Immigration)]
    public void Referral_carries_no_text_of_a_section_housing_may_not_see(string section)
    {
        Assert.DoesNotContain(TestLegs.Marker(section), Json(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Accommodation)]
    [InlineData(PlanSectionCodes.Financial)]
    [InlineData(PlanSectionCodes.PracticalSkills)]
    [InlineData(PlanSectionCodes.Contingency)]
    public void Referral_carries_each_section_housing_may_see(string section)
    {
        Assert.Contains(TestLegs.Marker(section), Json(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestLegs.NhsNumber)]
    [InlineData(TestLegs.NationalInsuranceNumber)]
    [InlineData(TestLegs.Crn)]
    public void Referral_carries_no_nhs_number_ni_number_or_crn(string identifier)
    {
        Assert.DoesNotContain(identifier, Json(FullLeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Referral_carries_the_person_their_contact_details_and_local_authority_person_id()
    {
        var person = DutyToReferTranslator.Translate(FullLeg).Person;

        Assert.Equal(("Jordan", "Example", TestLegs.DateOfBirth), (person.GivenName, person.FamilyName, person.DateOfBirth));
        Assert.Equal(TestLegs.LocalAuthorityPersonId, person.LocalAuthorityPersonId);
        Assert.Equal(
            new DutyToReferContact("jordan.example@example.org", "07700 900123", "Flat 2, 10 Example Road, Exampletown", "EX1 2MP"),
            person.Contact);
    }

    [Fact]
    public void Referral_carries_the_referrer_the_chosen_housing_authority_and_the_hub_references()
    {
        var referral = DutyToReferTranslator.Translate(FullLeg);

        Assert.Equal(new PersonalAdviser("Alex Morgan", "alex.morgan@exampleshire.gov.uk", "01632 960123", TestLegs.TenantId), referral.Referrer);
        Assert.Equal(TestLegs.Recipient(AgencyCodes.Housing), referral.Recipient);
        Assert.Equal(new HubReferences(TestLegs.ReferralId, TestLegs.LegId), referral.HubReferences);
    }

    [Fact]
    public void Accommodation_section_keeps_its_needs_actions_owner_and_review_date()
    {
        var accommodation = DutyToReferTranslator.Translate(FullLeg).Sections.Accommodation!;
        var expected = TestLegs.Section(PlanSectionCodes.Accommodation);

        Assert.Equal(expected.Needs, accommodation.Needs);
        Assert.Equal(expected.Actions, accommodation.Actions);
        Assert.Equal((expected.Owner, expected.ReviewDate), (accommodation.Owner, accommodation.ReviewDate));
    }

    [Fact]
    public void Sections_the_hub_did_not_send_are_absent()
    {
        var sections = DutyToReferTranslator.Translate(FullLeg.WithSections(PlanSectionCodes.Accommodation)).Sections;

        Assert.NotNull(sections.Accommodation);
        Assert.Null(sections.Financial);
        Assert.Null(sections.PracticalSkills);
        Assert.Null(sections.Contingency);
    }

    [Fact]
    public void All_three_consents_are_given_as_recorded_on_the_lawful_basis()
    {
        var consents = DutyToReferTranslator.Translate(FullLeg).Consents;
        var expected = new DutyToReferConsent(true, FullLeg.LawfulBasis.RecordedBy, FullLeg.LawfulBasis.RecordedAt);

        Assert.Equal(expected, consents.Referral);
        Assert.Equal(expected, consents.ChosenHousingAuthority);
        Assert.Equal(expected, consents.ShareContactDetails);
        Assert.Equal(FullLeg.LawfulBasis.Evidence, consents.Evidence);
    }

    [Fact]
    public void Consents_recorded_one_by_one_are_sent_one_by_one()
    {
        var leg = FullLeg with { LawfulBasis = FullLeg.LawfulBasis with { HousingConsents = new HousingReferralConsents(true, true, true) } };

        var consents = DutyToReferTranslator.Translate(leg).Consents;

        Assert.All([consents.Referral, consents.ChosenHousingAuthority, consents.ShareContactDetails], consent =>
            Assert.Equal(new DutyToReferConsent(true, leg.LawfulBasis.RecordedBy, leg.LawfulBasis.RecordedAt), consent));
    }

    [Theory]
    [InlineData(false, true, true, "toBeReferred", "being referred")]
    [InlineData(true, false, true, "toChosenHousingAuthority", "housing authority chosen")]
    [InlineData(true, true, false, "toShareContactDetails", "contact details")]
    public void Housing_leg_missing_one_of_the_three_consents_is_refused_naming_it(
        bool toBeReferred, bool toChosenHousingAuthority, bool toShareContactDetails, string missing, string words)
    {
        var consents = new HousingReferralConsents(toBeReferred, toChosenHousingAuthority, toShareContactDetails);
        var leg = FullLeg with { LawfulBasis = FullLeg.LawfulBasis with { HousingConsents = consents } };

        var refused = Assert.Throws<LegUndeliverableException>(() => DutyToReferTranslator.Translate(leg));

        Assert.Equal($"lawfulBasis.housingConsents.{missing}", refused.Field);
        Assert.Contains(words, refused.Message, StringComparison.Ordinal);
    }

    public static TheoryData<ContactDetails> OneWayToContact() =>
    [
        new("jordan@example.org", null, null, null),
        new(null, "07700 900123", null, null),
        new(null, null, "1 Test Street", null),
    ];

    [Theory]
    [MemberData(nameof(OneWayToContact))]
    public void Housing_leg_with_one_way_to_contact_the_young_person_is_translated(ContactDetails contact)
    {
        var leg = FullLeg with { Person = FullLeg.Person with { Contact = contact } };

        Assert.Equal(contact.Email, DutyToReferTranslator.Translate(leg).Person.Contact.Email);
    }

    [Fact]
    public void Housing_leg_with_no_way_to_contact_the_young_person_is_refused()
    {
        var leg = FullLeg with { Person = FullLeg.Person with { Contact = new ContactDetails(" ", null, null, "EX1 2MP") } };

        var refused = Assert.Throws<LegUndeliverableException>(() => DutyToReferTranslator.Translate(leg));

        Assert.Equal("person.contact", refused.Field);
        Assert.Contains("email address, phone number or address", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("legal-obligation")]
    [InlineData("public-task")]
    [InlineData("vital-interests")]
    public void Housing_leg_without_consent_is_refused(string basis)
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => DutyToReferTranslator.Translate(FullLeg.WithLawfulBasis(basis)));

        Assert.Equal("lawfulBasis.basis", refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
        Assert.Contains("consent", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leg_for_another_agency_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => DutyToReferTranslator.Translate(TestLegs.Full(AgencyCodes.Dwp)));

        Assert.Equal("agency", refused.Field);
    }

    [Fact]
    public void Reason_for_referral_defaults_to_threatened_with_homelessness_within_56_days()
    {
        Assert.Equal("threatened-with-homelessness-within-56-days", DutyToReferTranslator.Translate(FullLeg).ReasonForReferral);
    }

    [Fact]
    public void Reason_for_referral_can_be_homeless()
    {
        Assert.Equal("homeless", DutyToReferTranslator.Translate(FullLeg, ReasonsForReferral.Homeless).ReasonForReferral);
    }

    [Fact]
    public void Unknown_reason_for_referral_is_refused()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => DutyToReferTranslator.Translate(FullLeg, "sofa-surfing"));

        Assert.Equal("reasonForReferral", refused.ParamName);
    }

    [Theory]
    [InlineData("2009-03-14", "16-17", SupportNeedCodes.YoungPerson16To17)] // 16th birthday on the referral date
    [InlineData("2007-03-15", "16-17", SupportNeedCodes.YoungPerson16To17)] // 18 tomorrow
    [InlineData("2007-03-14", "18-20", SupportNeedCodes.CareLeaver18To20)] // 18th birthday on the referral date
    [InlineData("2004-03-15", "18-20", SupportNeedCodes.CareLeaver18To20)] // 21 tomorrow
    [InlineData("2004-03-14", "21-25", SupportNeedCodes.CareLeaver21Plus)]
    [InlineData("1999-03-15", "21-25", SupportNeedCodes.CareLeaver21Plus)] // 26 tomorrow
    public void Age_band_and_care_leaver_need_follow_the_age_on_the_referral_date(string dateOfBirth, string ageBand, string need)
    {
        var referral = DutyToReferTranslator.Translate(FullLeg.WithDateOfBirth(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(referral.CareLeaver);
        Assert.Equal(ageBand, referral.AgeBand);
        Assert.Equal(need, referral.SupportNeeds[0]);
    }

    [Theory]
    [InlineData("2009-03-15")] // 15
    [InlineData("1999-03-14")] // 26
    public void Young_person_outside_16_to_25_is_refused(string dateOfBirth)
    {
        var leg = FullLeg.WithDateOfBirth(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture));

        var refused = Assert.Throws<LegUndeliverableException>(() => DutyToReferTranslator.Translate(leg));

        Assert.Equal("person.dateOfBirth", refused.Field);
        Assert.DoesNotContain(dateOfBirth, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Practical_skills_needs_give_the_need_for_support_to_manage_independently()
    {
        var referral = DutyToReferTranslator.Translate(FullLeg.WithSections(PlanSectionCodes.Accommodation, PlanSectionCodes.PracticalSkills));

        Assert.Equal([SupportNeedCodes.CareLeaver18To20, SupportNeedCodes.YoungPersonSupportToManageIndependently], referral.SupportNeeds);
    }

    [Fact]
    public void Without_practical_skills_needs_only_the_care_leaver_need_is_given()
    {
        var referral = DutyToReferTranslator.Translate(FullLeg.WithSections(PlanSectionCodes.Accommodation, PlanSectionCodes.Financial));

        Assert.Equal([SupportNeedCodes.CareLeaver18To20], referral.SupportNeeds);
    }

    [Fact]
    public void Needs_of_sections_housing_is_not_given_are_never_derived()
    {
        var needs = DutyToReferTranslator.Translate(FullLeg).SupportNeeds;

        Assert.DoesNotContain(SupportNeedCodes.MentalHealth, needs);
        Assert.DoesNotContain(SupportNeedCodes.OffendingHistory, needs);
        Assert.DoesNotContain(SupportNeedCodes.AccessToEet, needs);
        Assert.DoesNotContain(SupportNeedCodes.FormerAsylumSeeker, needs);
        Assert.All(needs, n => Assert.Contains(n, SupportNeedCodes.All));
    }

    [Fact]
    public void Cancellation_tells_the_housing_authority_to_stop_with_who_when_and_why()
    {
        var cancelled = TestLegs.Cancelled(FullLeg);

        var cancellation = DutyToReferTranslator.Translate(cancelled);

        Assert.Equal(
            new DutyToReferCancellation(new HubReferences(TestLegs.ReferralId, TestLegs.LegId), TestLegs.Recipient(AgencyCodes.Housing), cancelled.Reason, cancelled.Kind, cancelled.CancelledBy, cancelled.CancelledAt),
            cancellation);
        Assert.Equal(
            """{"hubReferences":{"referralId":"0c7d2f6e-3b1a-4c59-9e8d-5a4b3c2d1e0f","legId":"6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8"},"recipient":{"code":"E07000999","name":"Exampleshire District Council Housing Options"},"reason":"The young person has withdrawn consent.","kind":"circumstances-changed","cancelledBy":"Alex Morgan","cancelledAt":"2025-03-20T11:15:00+00:00"}""",
            AgencyJson.Serialize(cancellation));
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => DutyToReferTranslator.Translate(TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Probation))));

        Assert.Equal("agency", refused.Field);
    }
}
