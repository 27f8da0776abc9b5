using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.AdultSocialCare;

/// <summary>What adult social care is given, whatever the hub sends.</summary>
public static class AdultSocialCareSharing
{
    /// <summary>
    /// The pathway plan has no "care and support needs" heading: the needs a Care Act assessment asks about
    /// (the eligibility outcomes of the Care and Support (Eligibility Criteria) Regulations 2015) are recorded under
    /// four of its headings, and those are what is shared. Health holds the physical or mental impairment or
    /// illness the needs must arise from; practical skills holds nutrition, personal care, dressing, using the
    /// home safely and using facilities in the community; accommodation holds a habitable home; relationships holds
    /// family and personal relationships and any caring for a child. Not emotional and behavioural development
    /// (the NHS's mental health services take that), nor EET or money, which the assessment asks the young person
    /// about itself. Of the identifiers, the local authority's own id, as the council's adult and children's
    /// records share it, and the NHS number, which the assessment uses to work with health: no NI number, no CRN.
    /// </summary>
    public static SharingRule Rule { get; } = new(
        [PlanSectionCodes.Health, PlanSectionCodes.Accommodation, PlanSectionCodes.PracticalSkills, PlanSectionCodes.Relationships],
        [IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NhsNumber]);
}
