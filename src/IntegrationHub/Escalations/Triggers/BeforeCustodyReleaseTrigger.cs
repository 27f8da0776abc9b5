using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Escalations.Triggers;

/// <summary>
/// Every agency's <see cref="BeforeCustodyRelease"/> safeguard: a release from custody planned within
/// its days, with no leg of the declaring agency taken on, escalates at level 1 against that agency
/// until one is.
/// </summary>
sealed class BeforeCustodyReleaseTrigger(HubDbContext db, AgencyDefinitions agencies) : IEscalationTrigger
{
    readonly Dictionary<string, (AgencyDefinition Agency, BeforeCustodyRelease Safeguard)> safeguards = DeclaredSafeguards.Of<BeforeCustodyRelease>(agencies);

    public IReadOnlyCollection<string> ReasonCodes => safeguards.Keys;

    public async Task<IReadOnlyList<EscalationRunner.Candidate>> CandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (safeguards.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var horizon = today.AddDays(safeguards.Values.Max(s => s.Safeguard.DaysBefore));

        var releases = await (
            from fact in db.LegFacts
            join referral in db.Referrals on fact.ReferralId equals referral.Id
            where fact.Kind == LegFactKinds.CustodyReleasePlanned && fact.Date >= today && fact.Date <= horizon
            select new { fact.Id, fact.Date, referral.TenantId, ReferralId = referral.Id, referral.YoungPersonId })
            .ToListAsync(cancellationToken);

        var candidates = new List<EscalationRunner.Candidate>();
        foreach (var (agency, safeguard) in safeguards.Values)
        {
            var due = releases.Where(r => r.Date <= today.AddDays(safeguard.DaysBefore)).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var met = await DeclaredSafeguards.PeopleWithTakenLegAsync(db, agency.Code, null, null, cancellationToken);
            candidates.AddRange(due.Where(r => !met.Contains(r.YoungPersonId)).Select(r => new EscalationRunner.Candidate(
                $"{safeguard.ReasonCode}:{r.Id}", 1, safeguard.ReasonCode,
                $"Release from custody planned for {r.Date:d MMMM yyyy} and no {EscalationWords.LegOf(agency, null)} leg has been accepted.",
                r.ReferralId, null, r.YoungPersonId, r.TenantId, agency.Code)));
        }

        return candidates;
    }

    public Task<string?> MendedAsync(Escalation escalation, CancellationToken cancellationToken) =>
        DeclaredSafeguards.MetAsync(db, escalation, safeguards[escalation.ReasonCode].Agency, null, cancellationToken);

    public string Notice(Escalation escalation, string? legReasonCode) =>
        $"A release is planned and no {EscalationWords.LegOf(safeguards[escalation.ReasonCode].Agency, null)} leg has been accepted.";
}
