using IntegrationHub.Referrals;

namespace IntegrationHub.Board;

// What the Corporate Parenting Board sees: aggregate figures and case references (opaque ids), never a
// name or other personal data, except in a case opening, which is made with a recorded purpose.

/// <summary>One figure by one key: a level ("1" to "3"), a theme, an agency or an age band.</summary>
public sealed record Tally(string Key, int Count);

/// <summary>An open escalation as a case reference only: no reason text (it may name the young person), no personal data.</summary>
public sealed record EscalationCase(
    Guid EscalationId, Guid? ReferralId, Guid? LegId, int Level, string Theme, string Agency, string ReasonCode, string Owner,
    DateTimeOffset RaisedAt, DateTimeOffset DueBy);

/// <summary>
/// Open escalations counted by level, theme, agency and the young person's age band on <see cref="AsOf"/>
/// (<see cref="AgeBands"/>). Every count counts escalations, so one young person with two open escalations counts twice.
/// <see cref="Cases"/> is page <see cref="Page"/> of the <see cref="Open"/> cases, <see cref="PageSize"/> to a page,
/// most urgent first (highest level, then soonest due, then escalation id).
/// </summary>
public sealed record EscalationFigures(
    DateOnly AsOf,
    int Open,
    IReadOnlyList<Tally> ByLevel,
    IReadOnlyList<Tally> ByTheme,
    IReadOnlyList<Tally> ByAgency,
    IReadOnlyList<Tally> ByAgeBand,
    IReadOnlyList<EscalationCase> Cases,
    int Page,
    int PageSize);

/// <summary>
/// Which page of a board list to read: <see cref="Number"/> from 1, <see cref="Size"/> items to a page (at most
/// <see cref="MaxSize"/>; <see cref="DefaultSize"/> unless asked).
/// </summary>
public sealed record BoardPage(int Number, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>A page number any list fits in, so that no page skips more items than a count can hold.</summary>
    public const int MaxNumber = 100_000;

    /// <summary>The whole list's first page, for the dashboard and CSV files, which show counts.</summary>
    public static BoardPage First { get; } = new(1, DefaultSize);

    public int Skip => (Number - 1) * Size;
}

/// <summary>
/// One agency's timeliness over the legs of referrals made since <see cref="TimelinessFigures.ReferralsFrom"/>.
/// Times are elapsed (calendar, not working) time from the referral being made to the leg's first acknowledgement
/// and to its decision (accepted or rejected); medians in hours and in days, each to one decimal place; null when
/// there is nothing to measure. The SLA share is described by <see cref="TimelinessFigures.SlaRule"/>.
/// </summary>
public sealed record AgencyTimeliness(
    string Agency,
    int Legs,
    int Acknowledged,
    double? MedianHoursToAcknowledge,
    double? MedianDaysToAcknowledge,
    int Decided,
    double? MedianHoursToDecide,
    double? MedianDaysToDecide,
    int DecidedWithinSla,
    int DecidedLate,
    int UndecidedPastDeadline,
    double? WithinSlaPercent);

public sealed record TimelinessFigures(DateTimeOffset AsOf, DateTimeOffset ReferralsFrom, string SlaRule, IReadOnlyList<AgencyTimeliness> Agencies);

/// <summary>Declined legs of one agency for one reason code.</summary>
public sealed record DeclineCount(string Agency, string ReasonCode, int Count);

/// <summary>Legs declined (rejected) from <see cref="From"/> to <see cref="To"/> (UK dates of the decline), by agency and reason code.</summary>
public sealed record DeclineFigures(DateOnly From, DateOnly To, int Total, IReadOnlyList<Tally> ByAgency, IReadOnlyList<DeclineCount> Declines);

/// <summary>
/// A dated event coming up for a young person, as a case reference: the referral, the leg and the young
/// person's opaque id. <see cref="Kind"/> is one of <see cref="UpcomingKinds"/>.
/// </summary>
public sealed record UpcomingEvent(DateOnly Date, string Kind, string Agency, Guid ReferralId, Guid? LegId, Guid YoungPersonId);

/// <summary>
/// Releases from custody and transitions to probation the agencies reported for <see cref="From"/> to <see cref="To"/>
/// (the latest report for each leg), and 18th birthdays up to <see cref="BirthdaysTo"/> of young people with an
/// open or accepted youth offending service leg: <see cref="Total"/> events, counted by kind in <see cref="ByKind"/>
/// (<see cref="UpcomingKinds"/>); <see cref="Events"/> is page <see cref="Page"/> of them, <see cref="PageSize"/> to a
/// page, in date order (then kind, then referral).
/// </summary>
public sealed record UpcomingFigures(
    DateOnly From,
    DateOnly To,
    DateOnly BirthdaysTo,
    IReadOnlyList<UpcomingEvent> Events,
    int Total,
    IReadOnlyList<Tally> ByKind,
    int Page,
    int PageSize);

/// <summary>One calendar month (UK time) as <c>yyyy-MM</c>.</summary>
public sealed record TrendMonth(string Month, int ReferralsMade, int LegsDecided, int EscalationsRaised, int EscalationsResolved);

/// <summary>The last <c>months</c> calendar months, oldest first, the current month last.</summary>
public sealed record TrendFigures(string TimeZone, IReadOnlyList<TrendMonth> Months);

/// <summary>Why a board member opens a case: recorded in the audit log as the basis of the read.</summary>
public sealed record OpenCase(string? Purpose);

/// <summary>A case opened by a board member with a recorded purpose: the only board answer that names the young person.</summary>
public sealed record CaseOpening(
    Guid ReferralId,
    Guid YoungPersonId,
    string GivenName,
    string FamilyName,
    int Age,
    string Purpose,
    DateTimeOffset OpenedAt,
    ReferralDetails Referral);

/// <summary>The young person's age bands on the board's dashboard.</summary>
public static class AgeBands
{
    public const string SixteenToSeventeen = "16-17";
    public const string EighteenToTwenty = "18-20";
    public const string TwentyOneToTwentyFive = "21-25";

    /// <summary>Younger than 16 or older than 25 (not a care leaver's age, so worth a look), or not known.</summary>
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [SixteenToSeventeen, EighteenToTwenty, TwentyOneToTwentyFive, Other];

    public static string For(int age) => age switch
    {
        16 or 17 => SixteenToSeventeen,
        >= 18 and <= 20 => EighteenToTwenty,
        >= 21 and <= 25 => TwentyOneToTwentyFive,
        _ => Other,
    };
}

public static class UpcomingKinds
{
    public const string CustodyReleasePlanned = LegFactKinds.CustodyReleasePlanned;
    public const string TransitionToProbationDue = LegFactKinds.TransitionToProbationDue;
    public const string EighteenthBirthday = "eighteenth-birthday";

    public static IReadOnlyList<string> All { get; } = [CustodyReleasePlanned, TransitionToProbationDue, EighteenthBirthday];
}
