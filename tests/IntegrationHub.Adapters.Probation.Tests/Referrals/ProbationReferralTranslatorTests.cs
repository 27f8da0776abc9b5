using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Probation.Referrals;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation.Tests.Referrals;

public class ProbationReferralTranslatorTests
{
    static readonly LegRequested FullLeg = TestLegs.Full(AgencyCodes.Probation);
    static readonly Uri HubBaseUrl = new("https://hub.exampleshire.gov.uk/");

    static string EventJson(LegRequested leg) => AgencyJson.Serialize(ProbationReferralTranslator.RequestedEvent(leg, HubBaseUrl));

    static string DetailJson(LegRequested leg) => AgencyJson.Serialize(ProbationReferralTranslator.Detail(leg));

    [Fact]
    public void Requested_event_for_a_full_referral_matches_the_golden_file()
    {
        var (expected, actual) = GoldenFile.Compare(typeof(ProbationReferralTranslatorTests).Assembly, "referral-event.json", EventJson(FullLeg));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Detail_of_a_full_referral_matches_the_golden_file()
    {
        var (expected, actual) = GoldenFile.Compare(typeof(ProbationReferralTranslatorTests).Assembly, "referral-detail.json", DetailJson(FullLeg));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Requested_event_identifies_the_person_by_crn_and_links_to_the_detail()
    {
        var requested = ProbationReferralTranslator.RequestedEvent(FullLeg, HubBaseUrl);

        Assert.Equal(("care-leaver-hub.referral.requested", 1, TestLegs.RequestedAt), (requested.EventType, requested.Version, requested.OccurredAt));
        Assert.Equal($"https://hub.exampleshire.gov.uk/api/legs/{TestLegs.LegId}", requested.DetailUrl);
        Assert.Equal(new TypedIdentifier("CRN", TestLegs.Crn), Assert.Single(requested.PersonReference.Identifiers));
        Assert.Equal(new ReferralEventInformation(TestLegs.ReferralId, TestLegs.LegId, "PDU-EXS"), requested.AdditionalInformation);
    }

    [Theory]
    [InlineData("Jordan")]
    [InlineData("Example\"")]
    [InlineData("2006-07-02")]
    [InlineData("jordan.example@example.org")]
    [InlineData("07700 900123")]
    [InlineData("EX1 2MP")]
    [InlineData("Exampletown")]
    [InlineData("supported lodgings")]
    [InlineData("Alex Morgan")]
    [InlineData(TestLegs.NhsNumber)]
    [InlineData(TestLegs.NationalInsuranceNumber)]
    [InlineData(TestLegs.LocalAuthorityPersonId)]
    public void Requested_event_carries_no_personal_data_beyond_the_crn(string text)
    {
        Assert.DoesNotContain(text, EventJson(FullLeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Requested_event_carries_no_text_of_any_section()
    {
        var json = EventJson(FullLeg);

        Assert.All(PlanSectionCodes.All, code => Assert.DoesNotContain(TestLegs.Marker(code), json, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://hub.exampleshire.gov.uk", "https://hub.exampleshire.gov.uk/api/legs/")]
    [InlineData("https://hub.exampleshire.gov.uk/", "https://hub.exampleshire.gov.uk/api/legs/")]
    [InlineData("https://exampleshire.gov.uk/hub/", "https://exampleshire.gov.uk/hub/api/legs/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/api/legs/")]
    public void Detail_url_is_the_legs_address_under_the_hub_base_url(string baseUrl, string prefix)
    {
        Assert.Equal($"{prefix}{TestLegs.LegId}", ProbationReferralTranslator.DetailUrl(new Uri(baseUrl), TestLegs.LegId));
    }

    [Theory]
    [InlineData("ftp://hub.exampleshire.gov.uk/")]
    [InlineData("https://hub.exampleshire.gov.uk/?tenant=1")]
    [InlineData("/hub")]
    public void Hub_base_url_must_be_an_absolute_http_address(string baseUrl)
    {
        var refused = Assert.Throws<ArgumentException>(() => ProbationReferralTranslator.DetailUrl(new Uri(baseUrl, UriKind.RelativeOrAbsolute), TestLegs.LegId));

        Assert.Equal("hubBaseUrl", refused.ParamName);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Health)]
    [InlineData(PlanSectionCodes.Financial)]
    [InlineData(PlanSectionCodes.Relationships)]
    [InlineData(PlanSectionCodes.PracticalSkills)]
    [InlineData(PlanSectionCodes.EmotionalBehavioural)]
    [InlineData(PlanSectionCodes.Identity)]
    [InlineData(PlanSectionCodes.Immigration)]
    [InlineData(PlanSectionCodes.Contingency)]
    public void Detail_carries_no_text_of_a_section_probation_may_not_see(string section)
    {
        Assert.DoesNotContain(TestLegs.Marker(section), DetailJson(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Justice)]
    [InlineData(PlanSectionCodes.Accommodation)]
    [InlineData(PlanSectionCodes.Eet)]
    public void Detail_carries_the_justice_accommodation_and_eet_sections(string section)
    {
        Assert.Contains(TestLegs.Marker(section), DetailJson(FullLeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestLegs.NhsNumber)]
    [InlineData(TestLegs.NationalInsuranceNumber)]
    [InlineData(TestLegs.LocalAuthorityPersonId)]
    [InlineData("jordan.example@example.org")]
    [InlineData("EX1 2MP")]
    public void Detail_carries_no_identifier_but_the_crn_and_no_contact_details(string text)
    {
        Assert.DoesNotContain(text, DetailJson(FullLeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_carries_the_person_by_crn_names_and_date_of_birth_and_the_referrer()
    {
        var detail = ProbationReferralTranslator.Detail(FullLeg);

        Assert.Equal(new ProbationPerson(TestLegs.Crn, "Jordan", "Example", TestLegs.DateOfBirth), detail.Person);
        Assert.Equal(new PersonalAdviser("Alex Morgan", "alex.morgan@exampleshire.gov.uk", "01632 960123", TestLegs.TenantId), detail.Referrer);
        Assert.Equal(new HubReferences(TestLegs.ReferralId, TestLegs.LegId), detail.HubReferences);
    }

    [Fact]
    public void Probation_leg_without_a_crn_is_refused()
    {
        var leg = FullLeg.WithIdentifiers(IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NhsNumber, IdentifierTypes.NationalInsuranceNumber);

        var refused = Assert.Throws<LegUndeliverableException>(() => ProbationReferralTranslator.RequestedEvent(leg, HubBaseUrl));

        Assert.Equal("person.identifiers[crn]", refused.Field);
        Assert.Equal(TestLegs.LegId, refused.LegId);
        Assert.Equal("person.identifiers[crn]", Assert.Throws<LegUndeliverableException>(() => ProbationReferralTranslator.Detail(leg)).Field);
    }

    [Fact]
    public void Leg_for_another_agency_is_refused()
    {
        var refused = Assert.Throws<LegUndeliverableException>(() => ProbationReferralTranslator.RequestedEvent(TestLegs.Full(AgencyCodes.Yos), HubBaseUrl));

        Assert.Equal("agency", refused.Field);
    }

    [Fact]
    public void Cancellation_becomes_the_cancelled_event_for_the_same_person_and_leg()
    {
        var cancelled = TestLegs.Cancelled(FullLeg);

        var cancelledEvent = ProbationReferralTranslator.CancelledEvent(cancelled, HubBaseUrl);
        var requested = ProbationReferralTranslator.RequestedEvent(FullLeg, HubBaseUrl);

        Assert.Equal(("care-leaver-hub.referral.cancelled", 1, cancelled.CancelledAt), (cancelledEvent.EventType, cancelledEvent.Version, cancelledEvent.OccurredAt));
        Assert.Equal(requested.DetailUrl, cancelledEvent.DetailUrl);
        Assert.Equal(requested.PersonReference.Identifiers, cancelledEvent.PersonReference.Identifiers);
        Assert.Equal(requested.AdditionalInformation with { CancellationKind = "circumstances-changed" }, cancelledEvent.AdditionalInformation);
        Assert.Null(requested.AdditionalInformation.CancellationKind);
    }

    [Fact]
    public void Cancelled_event_carries_neither_the_reason_nor_who_cancelled()
    {
        var cancelled = TestLegs.Cancelled(FullLeg);

        var json = AgencyJson.Serialize(ProbationReferralTranslator.CancelledEvent(cancelled, HubBaseUrl));

        Assert.DoesNotContain(cancelled.Reason, json, StringComparison.Ordinal);
        Assert.DoesNotContain(cancelled.CancelledBy, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", json, StringComparison.Ordinal);
        Assert.All(PlanSectionCodes.All, code => Assert.DoesNotContain(TestLegs.Marker(code), json, StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelled_event_for_a_leg_without_a_crn_is_refused()
    {
        var leg = FullLeg.WithIdentifiers(IdentifierTypes.LocalAuthorityPersonId);

        var refused = Assert.Throws<LegUndeliverableException>(() => ProbationReferralTranslator.CancelledEvent(TestLegs.Cancelled(leg), HubBaseUrl));

        Assert.Equal("person.identifiers[crn]", refused.Field);
    }

    [Fact]
    public void Cancellation_carrying_another_legs_request_is_refused()
    {
        var cancelled = TestLegs.Cancelled(FullLeg) with { LegId = Guid.NewGuid() };

        var refused = Assert.Throws<LegUndeliverableException>(() => ProbationReferralTranslator.CancelledEvent(cancelled, HubBaseUrl));

        Assert.Equal("leg.legId", refused.Field);
    }

    [Fact]
    public void Cancellation_of_another_agencys_leg_is_refused()
    {
        var housing = TestLegs.Cancelled(TestLegs.Full(AgencyCodes.Housing));

        var refused = Assert.Throws<LegUndeliverableException>(() => ProbationReferralTranslator.CancelledEvent(housing, HubBaseUrl));

        Assert.Equal("agency", refused.Field);
    }
}
