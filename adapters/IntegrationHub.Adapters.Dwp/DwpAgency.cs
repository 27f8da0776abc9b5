using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Dwp.Answers;
using IntegrationHub.Adapters.Dwp.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Dwp;

/// <summary>A Jobcentre Plus office's care leaver single point of contact (Department for Work and Pensions).</summary>
public sealed class DwpAgency : IAgencyAdapter
{
    public static AgencyDefinition Define(AdapterOptions options) => new()
    {
        Code = AgencyCodes.Dwp,
        Name = "Jobcentre",
        NameInSentence = "the Jobcentre",
        Theme = AgencyThemes.Eet,
        Format = new DwpFormat(),
        DefaultOrganisation = new Organisation("jobcentre-plus", "Jobcentre Plus care leaver single point of contact"),
        SharedSections = DwpSharing.Rule.Sections,
        SharedIdentifiers = [IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NationalInsuranceNumber],
        ServiceLevels = new ServiceLevels(AcknowledgeWithin: 2, DecideWithin: 10),
        Documents =
        [
            new("dwp.care-leaver-referral", typeof(CareLeaverReferral)),
            new("dwp.care-leaver-referral-cancellation", typeof(CareLeaverReferralCancellation)),
            new("dwp.jobcentre-update", typeof(JobcentreUpdate), JobcentreUpdateTranslator.Translate),
        ],

        // The demo's Jobcentre declines, so that the board and the PA's inbox have a decline to show.
        Demo = new DemoStandIn("Chris Okafor (Jobcentre work coach)",
            "Not in education, employment or training since June, and has no bank account yet. Please book an appointment with the care leaver single point of contact to talk about work, training and the money they can claim.", leg =>
        [
            new LegDeclined(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At,
                JobcentreDeclineReasons.AlreadySupported, "Already supported by a work coach at another Jobcentre."),
        ]),
    };
}
