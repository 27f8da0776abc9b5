using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Nhs.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Nhs;

/// <summary>An NHS organisation (CAMHS, adult mental health, a GP), reached by FHIR R4.</summary>
public sealed class NhsAgency : IAgencyAdapter
{
    public static AgencyDefinition Define(AdapterOptions options) => new()
    {
        Code = AgencyCodes.Nhs,
        Name = "NHS",
        NameInSentence = "the NHS",
        Theme = AgencyThemes.Health,
        Format = new NhsFormat(),
        DefaultOrganisation = new Organisation("integrated-care-board", "Integrated care board"),
        SharedSections = NhsSharing.Rule.Sections,
        SharedIdentifiers = [IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NhsNumber],
        ServiceLevels = new ServiceLevels(AcknowledgeWithin: 2, DecideWithin: 15),
        Safeguards =
        [
            new BeforeEighteen("eighteen-without-adult-mental-health", MonthsBefore: 6,
                new OpenTo(AgencyCodes.Nhs, OrganisationServices.Camhs), Service: OrganisationServices.AdultMentalHealth),
        ],

        // FHIR resources, published by their profiles rather than as JSON schemas.
        Documents = [],
        Demo = new DemoStandIn("Priya Shah (CAMHS transition nurse)",
            "Anxiety, and on the CAMHS waiting list; the move out of the children's home in March is a worry to them. Please arrange a GP review and plan the move from CAMHS to adult mental health services."),
    };
}
