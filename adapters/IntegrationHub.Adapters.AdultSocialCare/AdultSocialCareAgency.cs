using IntegrationHub.Adapters.AdultSocialCare.Answers;
using IntegrationHub.Adapters.AdultSocialCare.Referrals;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare;

/// <summary>A council's adult social care service, for transition assessments under the Care Act 2014.</summary>
public sealed class AdultSocialCareAgency : IAgencyAdapter
{
    public static AgencyDefinition Define(AdapterOptions options) => new()
    {
        Code = AgencyCodes.AdultSocialCare,
        Name = "Adult social care",
        NameInSentence = "adult social care",
        Theme = AgencyThemes.Health,
        Format = new AdultSocialCareFormat(),
        DefaultOrganisation = new Organisation("adult-social-care", "Adult social care transitions team"),
        SharedSections = AdultSocialCareSharing.Rule.Sections,
        SharedIdentifiers = AdultSocialCareSharing.Rule.Identifiers,

        // Deciding means the needs assessment's outcome, which takes weeks, not the days a referral's triage takes.
        ServiceLevels = new ServiceLevels(AcknowledgeWithin: 2, DecideWithin: 20),

        // A council's own adult social care works in the hub's partner inbox unless configured onto a channel.
        DefaultChannel = AdapterOptions.PartnerInboxChannelName,

        // "No cliff edge at 18": a young person with health or practical-skills needs is assessed before they turn 18.
        Safeguards = [new BeforeEighteen("eighteen-without-adult-social-care", MonthsBefore: 6, new NeedsIn([PlanSectionCodes.Health, PlanSectionCodes.PracticalSkills]))],
        Documents =
        [
            new("asc.transition-assessment-referral", typeof(TransitionAssessmentReferral)),
            new("asc.transition-assessment-referral-cancellation", typeof(TransitionAssessmentReferralCancellation)),
            new("asc.update", typeof(AdultSocialCareUpdate), AdultSocialCareUpdateTranslator.Translate),
        ],
        Demo = new DemoStandIn("Ruth Adeyemi (adult social care transitions worker)",
            "Turns 18 within the year and leaves the children's home in March, with anxiety and the skills for living alone still to build. Please carry out a Care Act transition assessment so that any eligible needs are known before the 18th birthday.", leg =>
        [
            new AppointmentBooked(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At,
                leg.At.AddDays(10), "The young person's home, with their Personal Adviser"),
            new LegAccepted(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At,
                "Eligible needs: preparing meals and managing the home; support to maintain relationships."),
        ]),
    };
}
