using System.Text.Json;
using IntegrationHub.Adapters.AdultSocialCare.Answers;
using IntegrationHub.Adapters.AdultSocialCare.Referrals;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare.Tests;

public class AdultSocialCareAgencyTests
{
    static readonly AgencyDefinition Definition = AdultSocialCareAgency.Define(new AdapterOptions());

    [Fact]
    public void Definition_is_consistent_as_the_registry_checks_it()
    {
        var registry = new AgencyDefinitions([Definition]);

        Assert.Same(Definition, registry.For(AgencyCodes.AdultSocialCare));
        Assert.Equal("Adult social care", registry.NameOf(AgencyCodes.AdultSocialCare));
    }

    [Fact]
    public void Escalations_go_to_the_boards_health_and_adult_services_theme()
    {
        Assert.Equal(AgencyThemes.Health, Definition.Theme);
        Assert.Equal("Health and adult services", AgencyThemes.Names[Definition.Theme]);
    }

    [Fact]
    public void Hub_shares_what_the_adapter_sends_and_nothing_more()
    {
        Assert.Equal(AdultSocialCareSharing.Rule.Sections, Definition.SharedSections);
        Assert.Equal([IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NhsNumber], Definition.SharedIdentifiers);
        Assert.DoesNotContain(PlanSectionCodes.EmotionalBehavioural, Definition.SharedSections);
    }

    [Fact]
    public void A_councils_own_adult_social_care_answers_in_the_partner_inbox_unless_configured()
    {
        Assert.Equal(AdapterOptions.PartnerInboxChannelName, Definition.DefaultChannel);
        Assert.Equal(AdapterOptions.PartnerInboxChannelName, new AdapterOptions().For(Definition.DefaultOrganisation.Code, Definition.DefaultChannel).Channel);
    }

    [Fact]
    public void Young_person_with_a_health_or_practical_skills_need_six_months_from_18_needs_an_accepted_leg()
    {
        var safeguard = Assert.IsType<BeforeEighteen>(Assert.Single(Definition.Safeguards));

        Assert.Equal("eighteen-without-adult-social-care", safeguard.ReasonCode);
        Assert.Equal(6, safeguard.MonthsBefore);
        Assert.Equal([PlanSectionCodes.Health, PlanSectionCodes.PracticalSkills], Assert.IsType<NeedsIn>(safeguard.Who).Sections);
        Assert.All(Assert.IsType<NeedsIn>(safeguard.Who).Sections, s => Assert.Contains(s, Definition.SharedSections));
    }

    [Theory]
    [InlineData("asc.transition-assessment-referral", "transition-assessment-referral.json")]
    [InlineData("asc.transition-assessment-referral-cancellation", "transition-assessment-referral-cancellation.json")]
    public void Each_document_the_adapter_writes_is_its_declared_type_as_the_golden_file_shows(string name, string golden)
    {
        var document = Assert.Single(Definition.Documents, d => d.Name == name);
        var json = GoldenFile.Read(golden);

        var read = JsonSerializer.Deserialize(json, document.Type, AgencyJson.Options);

        Assert.Null(document.Read);
        Assert.Equal(GoldenFile.Normalise(json), GoldenFile.Normalise(JsonSerializer.Serialize(read, document.Type, AgencyJson.Options)));
    }

    [Fact]
    public void Documents_are_the_referral_the_cancellation_and_the_update_the_hub_reads()
    {
        Assert.Equal(
            [typeof(TransitionAssessmentReferral), typeof(TransitionAssessmentReferralCancellation), typeof(AdultSocialCareUpdate)],
            Definition.Documents.Select(d => d.Type));

        var update = Assert.Single(Definition.Documents, d => d.Name == "asc.update");
        var sample = GoldenFile.Read("update.json");
        Assert.NotNull(update.Read);
        Assert.Equal(Definition.Format.ReadAnswer(sample), Assert.IsType<IReadOnlyList<ILegAnswer>>(update.Read(sample), exactMatch: false));
    }

    [Fact]
    public void Demo_stand_in_books_the_assessment_in_ten_days_then_finds_eligible_needs()
    {
        var at = new DateTimeOffset(2025, 3, 17, 11, 0, 0, TimeSpan.Zero);
        var answerIds = new Queue<Guid>([Guid.NewGuid(), Guid.NewGuid()]);

        var answers = Definition.Demo.AnswersTo(new DemoAnswer(TestLegs.LegId, AgencyCodes.AdultSocialCare, "Ruth Adeyemi", at, answerIds.Dequeue));

        Assert.Collection(answers,
            a => Assert.Equal(at.AddDays(10), Assert.IsType<AppointmentBooked>(a).AppointmentAt),
            a => Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<LegAccepted>(a).Note)));
        Assert.All(answers, a => Assert.Equal(AgencyCodes.AdultSocialCare, a.Agency));
        Assert.Equal(2, answers.Select(a => a.AnswerId).Distinct().Count());
        Assert.StartsWith("Ruth Adeyemi", Definition.Demo.Worker, StringComparison.Ordinal);
    }
}
