using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Probation.Answers;
using IntegrationHub.Adapters.Probation.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation;

/// <summary>The Probation Service: events on the bus, with the referral's detail fetched from the hub.</summary>
public sealed class ProbationAgency : IAgencyAdapter
{
    public static AgencyDefinition Define(AdapterOptions options) => new()
    {
        Code = AgencyCodes.Probation,
        Name = "Probation",
        NameInSentence = "the probation service",
        Theme = AgencyThemes.Justice,
        Format = new ProbationFormat(options.HubBaseUrl),
        DefaultOrganisation = new Organisation("probation-service", "Probation Service"),
        SharedSections = ProbationSharing.Rule.Sections,
        SharedIdentifiers = [IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.Crn],
        ServiceLevels = new ServiceLevels(AcknowledgeWithin: 2, DecideWithin: 10),
        Safeguards = [new BeforeEighteen("eighteen-without-probation", MonthsBefore: 6, new OpenTo(AgencyCodes.Yos))],
        Documents =
        [
            new("probation.referral-event", typeof(ReferralEvent)),
            new("probation.referral-detail", typeof(ProbationReferralDetail)),
            new("probation.event", typeof(ProbationEvent), ProbationEventTranslator.Translate),
        ],
        Demo = new DemoStandIn("Jo Williams (probation practitioner)",
            "Turns 18 within the year with a youth conditional caution from 2025. Please tell us whether probation will be involved after 18, so that the move out of the children's home in March and the search for work can be planned with you.", leg =>
        [
            new LegAccepted(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At, "Allocated to a probation practitioner."),
            new CustodyReleasePlanned(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At, leg.Today.AddDays(20)),
        ]),
    };
}
