using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Pages.Shared;

/// <summary>The words and GOV.UK tag colours the pages use for the hub's codes.</summary>
public static class Display
{
    public static string StatusName(string status) => status switch
    {
        LegStatusCodes.Requested => "Sent",
        LegStatusCodes.Received => "Acknowledged",
        LegStatusCodes.Accepted => "Accepted",
        LegStatusCodes.Rejected => "Declined",
        LegStatusCodes.InProgress => "In progress",
        LegStatusCodes.OnHold => "On hold",
        LegStatusCodes.Completed => "Completed",
        LegStatusCodes.Cancelled => "Cancelled",
        LegStatusCodes.Failed => "Not delivered",
        _ => status,
    };

    /// <summary>A GOV.UK tag modifier: the colours of the Design System's status tags.</summary>
    public static string StatusTagClass(string status) => status switch
    {
        LegStatusCodes.Requested => "govuk-tag--grey",
        LegStatusCodes.Received => "govuk-tag--light-blue",
        LegStatusCodes.Accepted or LegStatusCodes.InProgress => "govuk-tag--blue",
        LegStatusCodes.Completed => "govuk-tag--green",
        LegStatusCodes.OnHold => "govuk-tag--yellow",
        LegStatusCodes.Rejected or LegStatusCodes.Failed => "govuk-tag--red",
        LegStatusCodes.Cancelled => "govuk-tag--grey",
        _ => "govuk-tag--grey",
    };

    public static string SectionName(string section) => section switch
    {
        PlanSectionCodes.Accommodation => "Accommodation",
        PlanSectionCodes.Health => "Health and development",
        PlanSectionCodes.Eet => "Education, employment and training",
        PlanSectionCodes.Financial => "Financial capability and independent living",
        PlanSectionCodes.Relationships => "Family and social relationships",
        PlanSectionCodes.PracticalSkills => "Practical and other skills",
        PlanSectionCodes.EmotionalBehavioural => "Emotional and behavioural development",
        PlanSectionCodes.Identity => "Identity",
        PlanSectionCodes.Justice => "Youth justice",
        PlanSectionCodes.Immigration => "Immigration status",
        PlanSectionCodes.Contingency => "Contingency plans",
        _ => section,
    };

    /// <summary>The duty to refer's consents, as the young person gave them.</summary>
    public static string HousingConsents(HousingReferralConsents consents)
    {
        (bool Given, string Words)[] each =
        [
            (consents.ToBeReferred, "to be referred"),
            (consents.ToChosenHousingAuthority, "to the housing authority chosen"),
            (consents.ToShareContactDetails, "to share contact details"),
        ];
        var given = each.Where(c => c.Given).Select(c => c.Words).ToList();
        return given.Count == 0 ? "No duty to refer consent given" : $"Duty to refer consents given: {string.Join(", ", given)}";
    }

    public static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The day of a moment, without its time: 6 December 2026.</summary>
    public static string Day(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.UtcDateTime));
}
