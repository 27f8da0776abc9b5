using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Yos.Answers;
using IntegrationHub.Adapters.Yos.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Yos;

/// <summary>A youth offending service (youth justice service).</summary>
public sealed class YosAgency : IAgencyAdapter
{
    public static AgencyDefinition Define(AdapterOptions options) => new()
    {
        Code = AgencyCodes.Yos,
        Name = "Youth offending service",
        NameInSentence = "the youth offending service",
        Theme = AgencyThemes.Justice,
        Format = new YosFormat(),
        DefaultOrganisation = new Organisation("youth-offending-service", "Youth offending service"),
        SharedSections = YosSharing.Rule.Sections,
        SharedIdentifiers = [IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.Crn],
        ServiceLevels = new ServiceLevels(AcknowledgeWithin: 2, DecideWithin: 10),
        Documents =
        [
            new("yos.youth-justice-referral", typeof(YouthJusticeReferral)),
            new("yos.youth-justice-referral-cancellation", typeof(YouthJusticeReferralCancellation)),
            new("yos.update", typeof(YosUpdate), YosUpdateTranslator.Translate),
        ],
        Demo = new DemoStandIn("Dan Hughes (youth justice worker)",
            "Youth conditional caution, 2025. Please keep in touch through the move out of the children's home in March, and plan with us for the transition at 18.", leg =>
        [
            new LegAccepted(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At, "Youth justice worker allocated."),
            new TransitionToProbationDue(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At, leg.Today.AddMonths(5)),
        ]),
    };
}
