using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Housing.Answers;
using IntegrationHub.Adapters.Housing.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Housing;

/// <summary>A local housing authority, under the duty to refer (Homelessness Reduction Act 2017).</summary>
public sealed class HousingAgency : IAgencyAdapter
{
    public static AgencyDefinition Define(AdapterOptions options) => new()
    {
        Code = AgencyCodes.Housing,
        Name = "Housing",
        NameInSentence = "the housing authority",
        Theme = AgencyThemes.Housing,
        Format = new HousingFormat(),
        DefaultOrganisation = new Organisation("housing-authority", "Local housing authority"),
        SharedSections = HousingSharing.Rule.Sections,
        SharedIdentifiers = [IdentifierTypes.LocalAuthorityPersonId],
        ServiceLevels = new ServiceLevels(AcknowledgeWithin: 1, DecideWithin: 10),
        TakesDutyToReferConsents = true,
        UnacceptableDeclines = [HousingDeclineReasons.IntentionallyHomeless, HousingDeclineReasons.NoLocalConnection],
        Safeguards = [new BeforeCustodyRelease("release-without-accommodation", DaysBefore: 28)],
        Documents =
        [
            new("housing.duty-to-refer-referral", typeof(DutyToReferReferral)),
            new("housing.duty-to-refer-cancellation", typeof(DutyToReferCancellation)),
            new("housing.decision", typeof(HousingDecision), HousingDecisionTranslator.Translate),
        ],
        Demo = new DemoStandIn("Alex Morgan (housing options officer)",
            "Leaves the children's home in March and has nowhere settled to live. Please assess under the duty to refer and help find a supported tenancy they can afford; they have no bank account yet.", leg =>
        [
            new LegAccepted(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At, "Prevention duty owed."),
            new HousingDutyAccepted(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At, HousingDuties.Prevention, "DEMO-HOU-1"),
        ]),
    };
}
