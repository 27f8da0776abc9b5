using IntegrationHub.Contracts.V1;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Referrals;

namespace IntegrationHub.Pages.Partner;

/// <summary>The words the partner inbox uses for what a referral shares and for a leg's history.</summary>
public static class PartnerDisplay
{
    public static string IdentifierName(string type) => type switch
    {
        IdentifierTypes.LocalAuthorityPersonId => "Local authority person ID",
        IdentifierTypes.NhsNumber => "NHS number",
        IdentifierTypes.NationalInsuranceNumber => "National Insurance number",
        IdentifierTypes.Crn => "Case reference number (CRN)",
        _ => type,
    };

    public static string LawfulBasisName(string basis) => basis switch
    {
        "consent" => "Consent of the young person",
        "legal-obligation" => "Legal obligation",
        "public-task" => "Public task",
        "vital-interests" => "Vital interests",
        _ => basis,
    };

    /// <summary>What a line of the leg's history says happened.</summary>
    public static string Event(TimelineLine line) => line.Kind switch
    {
        TimelineKinds.LegRequested => "Referral sent",
        TimelineKinds.StatusChanged => $"Moved from {Display.StatusName(line.FromStatus ?? "")} to {Display.StatusName(line.ToStatus ?? "")}",
        TimelineKinds.TransitionRefused => $"Refused a move from {Display.StatusName(line.FromStatus ?? "")} to {Display.StatusName(line.ToStatus ?? "")}",
        TimelineKinds.AgencyUpdate => "Update",
        TimelineKinds.DeliveryRetrying => "Delivery attempt failed; will try again",
        TimelineKinds.LegResent => "Referral sent again",
        _ when line.Kind.StartsWith("escalation-", StringComparison.Ordinal) => "Escalation",
        _ => line.Kind,
    };
}
