namespace IntegrationHub.Adapters.Probation.Answers;

public static class ProbationEventTypes
{
    public const string ReferralAccepted = "probation.referral.accepted";
    public const string ReleaseDatePlanned = "probation.release-date.planned";
    public const string SupervisionEnded = "probation.supervision.ended";

    public static IReadOnlyList<string> All { get; } = [ReferralAccepted, ReleaseDatePlanned, SupervisionEnded];
}
