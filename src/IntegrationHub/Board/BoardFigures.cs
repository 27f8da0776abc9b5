using System.Globalization;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Board;

/// <summary>
/// The board's figures for one local authority. Each is one or a few bounded queries (open escalations,
/// a time window, or the legs that have a dated event coming up); medians, age bands and months are worked
/// out in memory. Dates are UK dates (Europe/London), as the SLA calendar's are. Each enters the local
/// authority it is asked about, so the queries see its rows only (a request has entered its caller's already).
/// </summary>
public sealed class BoardFigures(HubDbContext db, TenantScope tenants, WorkingCalendar calendar, IOptions<EscalationOptions> escalations, AgencyDefinitions agencies, TimeProvider clock)
{
    public const string TimeZone = "Europe/London";

    /// <summary>How far ahead 18th birthdays are listed: the escalation trigger's six months.</summary>
    public const int BirthdayMonths = 6;

    public const string SlaRule =
        "Within SLA = legs decided (accepted or rejected) by the end of the last working day of the agency's decide-within SLA, "
        + "counted from the referral being made, as a percentage of legs decided plus legs still awaiting a decision (requested or received) "
        + "past that deadline: an undecided leg past its deadline counts as not within SLA. Legs still within their deadline, "
        + "and legs cancelled or failed before a decision, are not counted.";

    static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
    static readonly string[] Answers = [Received, Accepted, Rejected];
    static readonly string[] Decisions = [Accepted, Rejected];
    static readonly string[] AwaitingDecision = [Requested, Received];
    static readonly string[] OpenOrAccepted = [Requested, Received, Accepted, InProgress, OnHold];
    static readonly string[] ReportedEvents = [LegFactKinds.CustodyReleasePlanned, LegFactKinds.TransitionToProbationDue];

    /// <summary>Today's date in the UK.</summary>
    public DateOnly Today => UkDate(clock.GetUtcNow());

    public async Task<EscalationFigures> EscalationsAsync(string tenantId, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var today = Today;
        var open = await db.Escalations
            .Where(e => e.ResolvedAt == null)
            .Select(e => new { e.Id, e.ReferralId, e.LegId, e.YoungPersonId, e.Level, e.Theme, e.Agency, e.ReasonCode, e.Owner, e.RaisedAt, e.DueBy })
            .ToListAsync(cancellationToken);
        var peopleIds = open.Select(e => e.YoungPersonId).Distinct().ToList();
        var births = await db.YoungPeople
            .Where(p => peopleIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DateOfBirth })
            .ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, cancellationToken);

        string AgeBandOf(Guid youngPersonId) =>
            births.TryGetValue(youngPersonId, out var born) ? AgeBands.For(AgeOn(born, today)) : AgeBands.Other;

        return new EscalationFigures(
            today,
            open.Count,
            Tally(Enumerable.Range(1, EscalationLadder.TopLevel).Select(l => l.ToString(CultureInfo.InvariantCulture)), open.Select(e => e.Level.ToString(CultureInfo.InvariantCulture))),
            Tally(AgencyThemes.All, open.Select(e => e.Theme)),
            Tally(agencies.Codes, open.Select(e => e.Agency)),
            Tally(AgeBands.All, open.Select(e => AgeBandOf(e.YoungPersonId))),
            [.. open
                .OrderByDescending(e => e.Level).ThenBy(e => e.DueBy).ThenBy(e => e.Id)
                .Select(e => new EscalationCase(e.Id, e.ReferralId, e.LegId, e.Level, e.Theme, e.Agency, e.ReasonCode, e.Owner, e.RaisedAt, e.DueBy))]);
    }

    public async Task<TimelinessFigures> TimelinessAsync(string tenantId, int months, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var now = clock.GetUtcNow();
        var since = now.AddMonths(-months);
        var legs = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            where referral.CreatedAt >= since
            select new { leg.Id, leg.Agency, leg.Status, referral.CreatedAt })
            .ToListAsync(cancellationToken);
        var answers = await (
            from entry in db.Timeline
            join referral in db.Referrals on entry.ReferralId equals referral.Id
            where referral.CreatedAt >= since
                && entry.Kind == TimelineKinds.StatusChanged && entry.LegId != null && Answers.Contains(entry.ToStatus)
            select new { entry.LegId, entry.ToStatus, entry.At })
            .ToListAsync(cancellationToken);
        var firstAnswers = answers
            .GroupBy(a => a.LegId!.Value)
            .ToDictionary(g => g.Key, g => (
                Acknowledged: g.Where(a => a.ToStatus == Received).Select(a => (DateTimeOffset?)a.At).Min(),
                Decided: g.Where(a => Decisions.Contains(a.ToStatus)).Select(a => (DateTimeOffset?)a.At).Min()));

        var byAgency = agencies.Codes.Select(agency =>
        {
            var measured = legs.Where(l => l.Agency == agency).Select(leg =>
            {
                var (acknowledged, decided) = firstAnswers.GetValueOrDefault(leg.Id);
                var deadline = calendar.DeadlineFor(leg.CreatedAt, escalations.Value.SlaFor(tenantId, agency).DecideWithin);
                return new
                {
                    HoursToAcknowledge = HoursBetween(leg.CreatedAt, acknowledged),
                    HoursToDecide = HoursBetween(leg.CreatedAt, decided),
                    WithinSla = decided <= deadline,
                    UndecidedPastDeadline = decided is null && AwaitingDecision.Contains(leg.Status) && now > deadline,
                };
            }).ToList();
            var toAcknowledge = measured.Select(m => m.HoursToAcknowledge).OfType<double>().ToList();
            var toDecide = measured.Select(m => m.HoursToDecide).OfType<double>().ToList();
            var within = measured.Count(m => m.HoursToDecide is not null && m.WithinSla);
            var late = toDecide.Count - within;
            var pastDeadline = measured.Count(m => m.UndecidedPastDeadline);
            var counted = toDecide.Count + pastDeadline;
            return new AgencyTimeliness(
                agency,
                measured.Count,
                toAcknowledge.Count,
                Hours(Median(toAcknowledge)),
                Days(Median(toAcknowledge)),
                toDecide.Count,
                Hours(Median(toDecide)),
                Days(Median(toDecide)),
                within,
                late,
                pastDeadline,
                counted == 0 ? null : Math.Round(100.0 * within / counted, 1, MidpointRounding.AwayFromZero));
        }).ToList();

        return new TimelinessFigures(now, since, SlaRule, byAgency);
    }

    public async Task<DeclineFigures> DeclinesAsync(string tenantId, int months, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var now = clock.GetUtcNow();
        var since = now.AddMonths(-months);
        var declines = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            where leg.Status == Rejected && leg.UpdatedAt >= since
            group leg by new { leg.Agency, leg.ReasonCode } into reason
            select new { reason.Key.Agency, reason.Key.ReasonCode, Count = reason.Count() })
            .ToListAsync(cancellationToken);
        var counts = declines
            .GroupBy(d => (d.Agency, ReasonCode: d.ReasonCode ?? "unspecified"))
            .Select(g => new DeclineCount(g.Key.Agency, g.Key.ReasonCode, g.Sum(d => d.Count)))
            .OrderBy(d => d.Agency, StringComparer.Ordinal).ThenByDescending(d => d.Count).ThenBy(d => d.ReasonCode, StringComparer.Ordinal)
            .ToList();
        return new DeclineFigures(
            UkDate(since),
            UkDate(now),
            counts.Sum(d => d.Count),
            Tally(agencies.Codes, counts.SelectMany(d => Enumerable.Repeat(d.Agency, d.Count))),
            counts);
    }

    public async Task<UpcomingFigures> UpcomingAsync(string tenantId, int days, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var today = Today;
        var to = today.AddDays(days);
        var birthdaysTo = today.AddMonths(BirthdayMonths);

        // Legs with a release or transition reported in the window; then every report for them, as a later one replaces an earlier.
        var legIds = await db.LegFacts
            .Where(f => ReportedEvents.Contains(f.Kind) && f.Date >= today && f.Date <= to)
            .Select(f => f.LegId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var reports = await (
            from fact in db.LegFacts
            join leg in db.Legs on fact.LegId equals leg.Id
            join referral in db.Referrals on fact.ReferralId equals referral.Id
            where legIds.Contains(fact.LegId) && ReportedEvents.Contains(fact.Kind) && leg.Status != Cancelled
            select new { fact.Id, fact.LegId, fact.Kind, fact.Date, fact.RecordedAt, fact.Agency, fact.ReferralId, referral.YoungPersonId })
            .ToListAsync(cancellationToken);
        var reported = reports
            .GroupBy(f => (f.LegId, f.Kind))
            .Select(g => g.OrderByDescending(f => f.RecordedAt).ThenByDescending(f => f.Id).First())
            .Where(f => f.Date >= today && f.Date <= to)
            .Select(f => new UpcomingEvent(f.Date, f.Kind, f.Agency, f.ReferralId, f.LegId, f.YoungPersonId));

        // Born on or after this day 18 years ago: not yet 18. The window is widened by a day for 29 February and checked exactly below.
        var bornFrom = today.AddYears(-18).AddDays(-1);
        var bornTo = birthdaysTo.AddYears(-18);
        // The services whose young people move on at 18: the cohorts of the agencies' before-18 safeguards.
        var movingOn = agencies.All.SelectMany(a => a.Safeguards).OfType<BeforeEighteen>().Select(s => s.Who).OfType<OpenTo>().Distinct().ToList();
        var movingAgencies = movingOn.Select(c => c.Agency).Distinct().ToList();
        var open = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            join person in db.YoungPeople on referral.YoungPersonId equals person.Id
            where movingAgencies.Contains(leg.Agency) && OpenOrAccepted.Contains(leg.Status)
                && person.DateOfBirth >= bornFrom && person.DateOfBirth <= bornTo
            select new { ReferralId = referral.Id, LegId = leg.Id, leg.Agency, leg.Recipient, YoungPersonId = person.Id, person.DateOfBirth, referral.CreatedAt })
            .ToListAsync(cancellationToken);

        // The recipient's service is inside the leg's JSON column, so the cohorts are told apart in memory.
        var birthdays = open
            .Where(p => movingOn.Any(c => c.Agency == p.Agency && (c.Service is null || c.Service == p.Recipient.Service)))
            .Where(p => p.DateOfBirth.AddYears(18) >= today && p.DateOfBirth.AddYears(18) <= birthdaysTo)
            .OrderByDescending(p => p.CreatedAt)
            .DistinctBy(p => (p.YoungPersonId, p.Agency))
            .Select(p => new UpcomingEvent(p.DateOfBirth.AddYears(18), UpcomingKinds.EighteenthBirthday, p.Agency, p.ReferralId, p.LegId, p.YoungPersonId));

        return new UpcomingFigures(today, to, birthdaysTo, [.. reported.Concat(birthdays)
            .OrderBy(e => e.Date).ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.ReferralId)]);
    }

    public async Task<TrendFigures> TrendAsync(string tenantId, int months, CancellationToken cancellationToken)
    {
        tenants.Enter(tenantId);
        var today = Today;
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(months - 1));
        var start = firstMonth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var since = new DateTimeOffset(start, UkTime.GetUtcOffset(start)).ToUniversalTime();

        var referrals = await db.Referrals
            .Where(r => r.CreatedAt >= since)
            .Select(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        var decided = await (
            from entry in db.Timeline
            join referral in db.Referrals on entry.ReferralId equals referral.Id
            where entry.Kind == TimelineKinds.StatusChanged && Decisions.Contains(entry.ToStatus) && entry.At >= since
            select entry.At)
            .ToListAsync(cancellationToken);
        var raised = await db.Escalations
            .Where(e => e.RaisedAt >= since)
            .Select(e => e.RaisedAt)
            .ToListAsync(cancellationToken);
        var resolved = await db.Escalations
            .Where(e => e.ResolvedAt != null && e.ResolvedAt >= since)
            .Select(e => e.ResolvedAt)
            .ToListAsync(cancellationToken);

        var referralsByMonth = ByMonth(referrals);
        var decidedByMonth = ByMonth(decided);
        var raisedByMonth = ByMonth(raised);
        var resolvedByMonth = ByMonth(resolved.OfType<DateTimeOffset>());
        return new TrendFigures(TimeZone, [.. Enumerable.Range(0, months).Select(i =>
        {
            var month = MonthOf(firstMonth.AddMonths(i));
            return new TrendMonth(
                month,
                referralsByMonth.GetValueOrDefault(month),
                decidedByMonth.GetValueOrDefault(month),
                raisedByMonth.GetValueOrDefault(month),
                resolvedByMonth.GetValueOrDefault(month));
        })]);
    }

    static Dictionary<string, int> ByMonth(IEnumerable<DateTimeOffset> times) =>
        times.GroupBy(t => MonthOf(UkDate(t))).ToDictionary(g => g.Key, g => g.Count());

    static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    static DateOnly UkDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkTime).DateTime);

    static int AgeOn(DateOnly born, DateOnly date)
    {
        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>Counts the values by key: every known key first (with 0 when none), then any other key found.</summary>
    static List<Tally> Tally(IEnumerable<string> knownKeys, IEnumerable<string> values)
    {
        var counts = values.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var known = knownKeys.ToList();
        return [.. known.Select(k => new Tally(k, counts.GetValueOrDefault(k))),
            .. counts.Keys.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => new Tally(k, counts[k]))];
    }

    /// <summary>Elapsed hours; an answer dated before the referral (an agency's clock) counts as immediate.</summary>
    static double? HoursBetween(DateTimeOffset from, DateTimeOffset? to) =>
        to is { } end ? Math.Max(0, (end - from).TotalHours) : null;

    static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double? Hours(double? hours) => hours is { } h ? Math.Round(h, 1, MidpointRounding.AwayFromZero) : null;

    static double? Days(double? hours) => hours is { } h ? Math.Round(h / 24, 1, MidpointRounding.AwayFromZero) : null;
}
