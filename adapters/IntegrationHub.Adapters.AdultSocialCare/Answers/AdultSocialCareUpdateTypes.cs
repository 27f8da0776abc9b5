namespace IntegrationHub.Adapters.AdultSocialCare.Answers;

/// <summary>The types of an adult social care update; each type says which fields the update carries.</summary>
public static class AdultSocialCareUpdateTypes
{
    /// <summary>Adult social care has received the referral: agencyReference may carry its own case reference.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>The needs assessment is booked: assessmentAt, and location where it is known.</summary>
    public const string AssessmentScheduled = "assessment-scheduled";

    /// <summary>The assessment found eligible needs (Care Act 2014 s.13), so adult social care takes the young person on and plans their care and support: eligibleNeeds in words.</summary>
    public const string EligibleNeedsFound = "eligible-needs-found";

    /// <summary>The assessment found no eligible needs: reason says why, and the referral is declined.</summary>
    public const string NoEligibleNeeds = "no-eligible-needs";

    /// <summary>Adult social care declines the referral without an assessment outcome: reasonCode and reason.</summary>
    public const string Declined = "declined";

    /// <summary>A care and support plan is in place (Care Act 2014 s.25): carePlanReference, and the referral is complete.</summary>
    public const string Completed = "completed";

    public static IReadOnlyList<string> All { get; } = [Acknowledged, AssessmentScheduled, EligibleNeedsFound, NoEligibleNeeds, Declined, Completed];
}
