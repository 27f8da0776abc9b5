namespace IntegrationHub.Adapters.Probation.Answers;

/// <summary>The types of event probation sends the hub.</summary>
public static class ProbationEventTypes
{
    /// <summary>Probation has accepted the referral; description becomes the note.</summary>
    public const string ReferralAccepted = "probation.referral.accepted";

    /// <summary>Release from custody is planned: additionalInformation.releaseDate.</summary>
    public const string ReleaseDatePlanned = "probation.release-date.planned";

    /// <summary>Supervision has ended: additionalInformation.endedOn and reason.</summary>
    public const string SupervisionEnded = "probation.supervision.ended";

    public static IReadOnlyList<string> All { get; } = [ReferralAccepted, ReleaseDatePlanned, SupervisionEnded];
}
