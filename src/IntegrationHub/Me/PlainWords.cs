using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Me;

/// <summary>
/// The words a young person reads about their own referrals: plain, second person, for someone aged 16 to 25. The
/// Personal Adviser's pages use the statutory names instead.
/// </summary>
public static class PlainWords
{
    public static string Section(string code) => code switch
    {
        PlanSectionCodes.Accommodation => "Where you live",
        PlanSectionCodes.Health => "Your health",
        PlanSectionCodes.Eet => "Education, training and work",
        PlanSectionCodes.Financial => "Money",
        PlanSectionCodes.Relationships => "Family and friends",
        PlanSectionCodes.PracticalSkills => "Everyday skills, like cooking and paying bills",
        PlanSectionCodes.EmotionalBehavioural => "How you are feeling and coping",
        PlanSectionCodes.Identity => "Who you are and where you come from",
        PlanSectionCodes.Justice => "Police, courts and youth justice",
        PlanSectionCodes.Immigration => "Your immigration status",
        PlanSectionCodes.Contingency => "What happens if plans change",
        _ => code,
    };

    /// <summary>Where a leg is, in a few words; <paramref name="cancellationKind"/> is the leg's reason code when it was cancelled.</summary>
    public static string Status(string status, string? cancellationKind) => status switch
    {
        LegStatusCodes.Requested => "Sent",
        LegStatusCodes.Received => "They have it",
        LegStatusCodes.Accepted => "They said yes",
        LegStatusCodes.InProgress => "Helping you now",
        LegStatusCodes.OnHold => "Paused",
        LegStatusCodes.Completed => "Finished",
        LegStatusCodes.Rejected => "They said no",
        LegStatusCodes.Cancelled when cancellationKind == CancellationKinds.ConsentWithdrawn => "Stopped: consent withdrawn",
        LegStatusCodes.Cancelled => "Stopped",
        LegStatusCodes.Failed => "Did not reach them",
        _ => status,
    };

    /// <summary>What that means for the young person, in a sentence.</summary>
    public static string Meaning(string status, string? cancellationKind) => status switch
    {
        LegStatusCodes.Requested => "Your referral has been sent. They have not replied yet.",
        LegStatusCodes.Received => "They have your referral and are deciding what to do.",
        LegStatusCodes.Accepted => "They have agreed to help you.",
        LegStatusCodes.InProgress => "They are working with you now.",
        LegStatusCodes.OnHold => "They have paused things for now. Ask your Personal Adviser why.",
        LegStatusCodes.Completed => "They have done what they were asked to do.",
        LegStatusCodes.Rejected => "They cannot help with this. Your Personal Adviser will talk to you about what happens next.",
        LegStatusCodes.Cancelled when cancellationKind == CancellationKinds.ConsentWithdrawn =>
            "Your consent was withdrawn, so they have been told to stop using what was shared with them.",
        LegStatusCodes.Cancelled => "Your Personal Adviser stopped this referral. They have been told.",
        LegStatusCodes.Failed => "It could not be delivered to them. Your Personal Adviser will sort it out.",
        _ => "",
    };
}
