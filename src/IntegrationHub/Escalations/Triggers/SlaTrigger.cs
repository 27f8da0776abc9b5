using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static IntegrationHub.Contracts.V1.LegStatusCodes;
using static IntegrationHub.Escalations.EscalationReasons;

namespace IntegrationHub.Escalations.Triggers;

/// <summary>
/// A leg not acknowledged, or not decided on, within the agency's SLA (the tenant's, else the
/// configured, else the agency's definition's) escalates at level 1 until the agency answers.
/// </summary>
sealed class SlaTrigger(HubDbContext db, WorkingCalendar calendar, IOptions<EscalationOptions> options, AgencyDefinitions agencies) : IEscalationTrigger
{
    public IReadOnlyCollection<string> ReasonCodes { get; } = [NoAcknowledgement, NoDecision];

    public async Task<IReadOnlyList<EscalationRunner.Candidate>> CandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            where leg.Status == Requested || leg.Status == Received
            select new { leg.Id, leg.Agency, leg.Status, referral.TenantId, ReferralId = referral.Id, referral.YoungPersonId, referral.CreatedAt })
            .ToListAsync(cancellationToken);

        var candidates = new List<EscalationRunner.Candidate>();
        foreach (var leg in waiting)
        {
            var sla = options.Value.SlaFor(leg.TenantId, leg.Agency);
            var (code, days) = leg.Status == Requested ? (NoAcknowledgement, sla.AcknowledgeWithin) : (NoDecision, sla.DecideWithin);
            if (now > calendar.DeadlineFor(leg.CreatedAt, days))
            {
                candidates.Add(new EscalationRunner.Candidate($"sla:{code}:{leg.Id}", 1, code,
                    $"{EscalationWords.Opening(agencies.For(leg.Agency))} has not {Done(code)} the referral within {days} working days.",
                    leg.ReferralId, leg.Id, leg.YoungPersonId, leg.TenantId, leg.Agency));
            }
        }

        return candidates;
    }

    public async Task<string?> MendedAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        if (escalation.LegId is not { } legId)
        {
            return null;
        }

        var status = await db.Legs.Where(l => l.Id == legId).Select(l => l.Status).SingleAsync(cancellationToken);
        var waiting = escalation.ReasonCode == NoAcknowledgement ? status == Requested : status is Requested or Received;
        return waiting ? null : $"The agency answered: the leg is {status}.";
    }

    public string Notice(Escalation escalation, string? legReasonCode) =>
        $"{EscalationWords.Opening(agencies.For(escalation.Agency))} has not {Done(escalation.ReasonCode)} the referral within its agreed time.";

    static string Done(string reasonCode) => reasonCode == NoAcknowledgement ? "acknowledged" : "decided on";
}
