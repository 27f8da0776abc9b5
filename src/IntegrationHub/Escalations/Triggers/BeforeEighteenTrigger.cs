using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Escalations.Triggers;

/// <summary>
/// Every agency's <see cref="BeforeEighteen"/> safeguard: a young person of its cohort within its
/// months of 18, with no leg of the declaring agency (and service) taken on, escalates at level 1
/// against that agency until one is.
/// </summary>
sealed class BeforeEighteenTrigger(HubDbContext db, AgencyDefinitions agencies) : IEscalationTrigger
{
    /// <summary>A leg the young person is open to: taken on and not yet completed.</summary>
    static readonly string[] Open = [Accepted, InProgress, OnHold];

    readonly Dictionary<string, (AgencyDefinition Agency, BeforeEighteen Safeguard)> safeguards = DeclaredSafeguards.Of<BeforeEighteen>(agencies);

    public IReadOnlyCollection<string> ReasonCodes => safeguards.Keys;

    /// <summary>A young person of the cohort: the referral is the one that puts them in it, if any.</summary>
    sealed record Member(Guid YoungPersonId, string TenantId, Guid? ReferralId, DateOnly DateOfBirth);

    public async Task<IReadOnlyList<EscalationRunner.Candidate>> CandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var candidates = new List<EscalationRunner.Candidate>();
        foreach (var (agency, safeguard) in safeguards.Values)
        {
            var bornBy = today.AddMonths(safeguard.MonthsBefore).AddYears(-18);
            var bornAfter = today.AddYears(-18);
            var cohort = safeguard.Who switch
            {
                OpenTo open => await OpenToAsync(open, bornBy, bornAfter, cancellationToken),
                NeedsIn needs => await NeedsInAsync(needs, bornBy, bornAfter, cancellationToken),
                _ => throw UnknownCohort(safeguard),
            };
            if (cohort.Count == 0)
            {
                continue;
            }

            var met = await DeclaredSafeguards.PeopleWithTakenLegAsync(db, agency.Code, safeguard.Service, null, cancellationToken);
            candidates.AddRange(cohort.Where(m => !met.Contains(m.YoungPersonId)).Select(m => new EscalationRunner.Candidate(
                $"{safeguard.ReasonCode}:{m.YoungPersonId}", 1, safeguard.ReasonCode, Reason(agency, safeguard, m),
                m.ReferralId, null, m.YoungPersonId, m.TenantId, agency.Code)));
        }

        return candidates;
    }

    async Task<List<Member>> OpenToAsync(OpenTo open, DateOnly bornBy, DateOnly bornAfter, CancellationToken cancellationToken)
    {
        var legs = await db.Legs
            .Where(leg => leg.Agency == open.Agency && Open.Contains(leg.Status) && leg.YoungPersonBornOn <= bornBy && leg.YoungPersonBornOn > bornAfter)
            .Select(leg => new { leg.Recipient, leg.TenantId, leg.ReferralId, leg.YoungPersonId, leg.YoungPersonBornOn })
            .ToListAsync(cancellationToken);

        // The recipient's service is inside the leg's JSON column, so it is matched in memory.
        return [.. legs.Where(l => open.Service is null || l.Recipient.Service == open.Service)
            .DistinctBy(l => l.YoungPersonId)
            .Select(l => new Member(l.YoungPersonId, l.TenantId, l.ReferralId, l.YoungPersonBornOn))];
    }

    async Task<List<Member>> NeedsInAsync(NeedsIn needs, DateOnly bornBy, DateOnly bornAfter, CancellationToken cancellationToken)
    {
        // Only each young person's current (highest) plan version counts.
        var plans = await (
            from person in db.YoungPeople
            join version in db.PlanVersions on person.Id equals version.YoungPersonId
            where person.DateOfBirth <= bornBy && person.DateOfBirth > bornAfter
                && !db.PlanVersions.Any(later => later.YoungPersonId == person.Id && later.Number > version.Number)
            select new { person.Id, person.TenantId, person.DateOfBirth, version.Sections })
            .ToListAsync(cancellationToken);

        // The sections are a JSON column, so their needs are read in memory.
        return [.. plans.Where(p => p.Sections.Any(s => needs.Sections.Contains(s.Code) && s.Needs.Any(n => !string.IsNullOrWhiteSpace(n))))
            .Select(p => new Member(p.Id, p.TenantId, null, p.DateOfBirth))];
    }

    public Task<string?> MendedAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        var (agency, safeguard) = safeguards[escalation.ReasonCode];
        return DeclaredSafeguards.MetAsync(db, escalation, agency, safeguard.Service, cancellationToken);
    }

    public string Notice(Escalation escalation, string? legReasonCode)
    {
        var (agency, safeguard) = safeguards[escalation.ReasonCode];
        var cohort = Cohort(safeguard);
        return $"{cohort.Opening} {cohort.Who}, turning 18 soon, and no {EscalationWords.LegOf(agency, safeguard.Service)} leg has been accepted.";
    }

    string Reason(AgencyDefinition agency, BeforeEighteen safeguard, Member member)
    {
        var cohort = Cohort(safeguard);
        return $"Turns 18 on {member.DateOfBirth.AddYears(18):d MMMM yyyy}, {cohort.InSentence} {cohort.Who} and {cohort.Then}no accepted {EscalationWords.LegOf(agency, safeguard.Service)} leg.";
    }

    /// <summary>
    /// Who the safeguard is about, in words: "is open to CAMHS and has no …" in a reason, "Open to CAMHS, …"
    /// in a notice; "has health or practical skills needs in the pathway plan and no …", "With health … plan, …".
    /// </summary>
    CohortWords Cohort(BeforeEighteen safeguard) => safeguard.Who switch
    {
        OpenTo open => new("is open to", "Open to", open.Service is { } service ? EscalationWords.Service(service) : agencies.For(open.Agency).NameInSentence, "has "),
        NeedsIn needs => new("has", "With", $"{EscalationWords.EitherOf(needs.Sections)} needs in the pathway plan", ""),
        _ => throw UnknownCohort(safeguard),
    };

    static InvalidOperationException UnknownCohort(BeforeEighteen safeguard) =>
        new($"The safeguard '{safeguard.ReasonCode}' has a cohort the hub does not know: {safeguard.Who.GetType().Name}.");

    sealed record CohortWords(string InSentence, string Opening, string Who, string Then);
}
