using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;

namespace IntegrationHub.Pages.Workspace;

/// <summary>The words the Personal Adviser's pages use for the codes only they show.</summary>
public static class WorkspaceDisplay
{
    public static string LawfulBasisName(string basis) => basis switch
    {
        "consent" => "Consent",
        "legal-obligation" => "Legal obligation",
        "public-task" => "Public task",
        "vital-interests" => "Vital interests",
        _ => basis,
    };

    public static string CancellationKindName(string kind) => kind switch
    {
        CancellationKinds.CircumstancesChanged => "Circumstances have changed",
        CancellationKinds.EnteredInError => "Made in error",
        CancellationKinds.ConsentWithdrawn => "Consent withdrawn",
        _ => kind,
    };

    public static string? CancellationKindHint(string kind) => kind switch
    {
        CancellationKinds.CircumstancesChanged => "The referral was right when it was made.",
        CancellationKinds.EnteredInError => "The referral should never have been made.",
        _ => null,
    };

    public static string ConsentStatusName(string status) => status switch
    {
        ConsentStatuses.Given => "Given",
        ConsentStatuses.Withdrawn => "Withdrawn",
        _ => status,
    };

    /// <summary>Who withdrew a consent, by their role.</summary>
    public static string WithdrawnByName(ConsentWithdrawal withdrawal) => withdrawal.ByRole switch
    {
        HubRoles.YoungPerson => $"{withdrawal.By} (the young person, in their own view)",
        HubRoles.PersonalAdviser => $"{withdrawal.By} (Personal Adviser)",
        _ => withdrawal.By,
    };

    public static string ReferralStatusName(string status) => status switch
    {
        ReferralStatus.Sent => "Sent",
        ReferralStatus.InProgress => "In progress",
        ReferralStatus.Completed => "Completed",
        ReferralStatus.Closed => "Closed",
        ReferralStatus.Cancelled => "Cancelled",
        _ => status,
    };

    public static string IdentifierName(string type) => type switch
    {
        IdentifierTypes.LocalAuthorityPersonId => "Local authority person ID",
        IdentifierTypes.NhsNumber => "NHS number",
        IdentifierTypes.NationalInsuranceNumber => "National Insurance number",
        IdentifierTypes.Crn => "Probation case reference (CRN)",
        _ => type,
    };

    public static string TimelineKindName(string kind) => kind switch
    {
        TimelineKinds.ReferralMade => "Referral made",
        TimelineKinds.LegRequested => "Sent to agency",
        TimelineKinds.StatusChanged => "Status changed",
        TimelineKinds.TransitionRefused => "Change refused",
        TimelineKinds.AgencyUpdate => "Agency update",
        TimelineKinds.DeliveryRetrying => "Delivery retrying",
        TimelineKinds.LegResent => "Sent again",
        _ => kind,
    };

    /// <summary>The band's code with an en dash, as GOV.UK writes ranges: 16–17.</summary>
    public static string AgeBandName(string? band) => band?.Replace('-', '–') ?? "Outside 16 to 25";
}
