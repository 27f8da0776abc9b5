using IntegrationHub.Adapters.Channels.Agencies;
using static IntegrationHub.Board.Scorecard.ScorecardDirections;
using static IntegrationHub.Board.Scorecard.ScorecardUnits;

namespace IntegrationHub.Board.Scorecard;

/// <summary>
/// What one scorecard row measures, in which unit, which way is better, and the target a local authority has unless
/// it sets its own (<see cref="ScorecardOptions"/>).
/// </summary>
public sealed record ScorecardRowDefinition(string Key, string Title, string Theme, string Unit, string Direction, double DefaultTarget, double DefaultTolerance, string Measure);

/// <summary>
/// The scorecard's rows, in the order the board sees them. The default targets are the seeds' where they give one
/// (EET 70%, no care leaver made homeless, no sanction without the PA): the rest are this hub's, for a local authority to set.
/// </summary>
public static class ScorecardRows
{
    public const string SuitableAccommodation = "suitable-accommodation-19-21";
    public const string Eet = "eet-19-21";
    public const string HousingDutiesAccepted = "housing-duties-accepted";
    public const string HousingUnacceptableDeclines = "housing-unacceptable-declines";
    public const string HousingDaysToDecision = "housing-days-to-decision";
    public const string SanctionsWithoutPa = "sanctions-without-pa";
    public const string CamhsTransitions = "camhs-transitions-before-18";
    public const string NhsWithinSla = "nhs-decided-within-sla";
    public const string ReleasesWithAccommodation = "custody-releases-with-accommodation";
    public const string TwoTrustedAdults = "two-trusted-adults";
    public const string EscalationsResolvedInTime = "escalations-resolved-in-time";
    public const string BoardActionsOverdue = "board-actions-overdue";

    public static IReadOnlyList<ScorecardRowDefinition> All { get; } =
    [
        new(SuitableAccommodation, "Care leavers aged 19 to 21 in suitable accommodation", AgencyThemes.Housing, Percent, Higher, 90, 5,
            "Young people aged 19 to 21 on the period's last day whose latest pathway plan version by then records their accommodation as suitable, of all aged 19 to 21 whose record the hub held by then (no plan, or not recorded, counts as not known, as the statutory return's 'no information' does)."),
        new(Eet, "Care leavers aged 19 to 21 in education, employment or training", AgencyThemes.Eet, Percent, Higher, 70, 5,
            "Young people aged 19 to 21 on the period's last day whose latest pathway plan version by then records an activity in education, employment or training (the SSDA903 F and P codes), of all aged 19 to 21 whose record the hub held by then."),
        new(HousingDutiesAccepted, "Housing duties accepted", AgencyThemes.Housing, Percent, Higher, 90, 5,
            "Housing legs decided in the period that the housing authority accepted (a duty owed), of all housing legs decided in the period."),
        new(HousingUnacceptableDeclines, "Housing declines for intentional homelessness or no local connection", AgencyThemes.Housing, Count, Lower, 0, 0,
            "Housing legs decided in the period and declined for a reason corporate parents should not accept (the housing agency's unacceptable declines: intentionally homeless, no local connection), out of all housing legs decided in the period."),
        new(HousingDaysToDecision, "Days to a housing decision (median)", AgencyThemes.Housing, Days, Lower, 14, 3,
            "The median of the calendar days from the referral being made to the housing authority's decision, over the housing legs decided in the period."),
        new(SanctionsWithoutPa, "Sanctions applied without the Personal Adviser spoken to", AgencyThemes.Eet, Count, Lower, 0, 0,
            "Sanctions an agency proposed that took effect in the period (their start date in it) without the Personal Adviser having answered by that day, out of all sanctions that took effect in the period."),
        new(CamhsTransitions, "CAMHS to adult mental health transitions with an accepted adult leg before 18", AgencyThemes.Health, Percent, Higher, 100, 10,
            "Young people who turned 18 in the period and were open to CAMHS (an NHS CAMHS leg taken on) with an adult mental health leg accepted before their 18th birthday, of all of them."),
        new(NhsWithinSla, "NHS legs decided within SLA", AgencyThemes.Health, Percent, Higher, 90, 5,
            "NHS legs decided in the period by the end of the last working day of the NHS decide-within SLA, counted from the referral being made, of all NHS legs decided in the period."),
        new(ReleasesWithAccommodation, "Custody releases with accommodation accepted 28 days before", AgencyThemes.Justice, Percent, Higher, 100, 10,
            "Releases from custody in the period (the latest date reported for each leg) of young people with a housing leg accepted at least the housing agency's safeguard days (28) before the release, of all releases in the period."),
        new(TwoTrustedAdults, "Young people with at least two trusted adults", ScorecardThemes.Relationships, Percent, Higher, 80, 10,
            "Young people aged 16 to 25 on the period's last day whose latest pathway plan version by then records at least two trusted adults, of all aged 16 to 25 whose record the hub held by then."),
        new(EscalationsResolvedInTime, "Escalations resolved within their level's time", ScorecardThemes.CorporateParenting, Percent, Higher, 80, 10,
            "Escalations resolved in the period by the time their level allowed (their due-by time), of all escalations resolved in the period."),
        new(BoardActionsOverdue, "Board actions overdue", ScorecardThemes.CorporateParenting, Count, Lower, 0, 0,
            "The board's actions due before the period's last day and not recorded as done by its end, of all its actions still open then (decided, not done): how many were overdue when the period closed."),
    ];

    public static ScorecardRowDefinition? Find(string key) => All.FirstOrDefault(r => r.Key == key);
}

/// <summary>
/// The scorecard's themes: the board's agency themes (<see cref="AgencyThemes"/>) and two of its own, each with a
/// champion named per local authority (<see cref="ScorecardOptions"/>).
/// </summary>
public static class ScorecardThemes
{
    public const string Relationships = "relationships";
    public const string CorporateParenting = "corporate-parenting";

    public static IReadOnlyDictionary<string, string> Names { get; } =
        AgencyThemes.Names.Append(new(Relationships, "Relationships")).Append(new(CorporateParenting, "Corporate parenting"))
            .ToDictionary(t => t.Key, t => t.Value);

    public static IReadOnlyList<string> All { get; } = [.. Names.Keys];
}
