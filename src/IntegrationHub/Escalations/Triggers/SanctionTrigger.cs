using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static IntegrationHub.Escalations.EscalationReasons;

namespace IntegrationHub.Escalations.Triggers;

/// <summary>
/// A sanction an agency proposed that the Personal Adviser has not answered within
/// <see cref="EscalationOptions.SanctionResponseWithin"/> working days goes to level 2, until the PA answers.
/// </summary>
sealed class SanctionTrigger(HubDbContext db, WorkingCalendar calendar, IOptions<EscalationOptions> options, AgencyDefinitions agencies) : IEscalationTrigger
{
    public IReadOnlyCollection<string> ReasonCodes { get; } = [SanctionWithoutPaResponse];

    public async Task<IReadOnlyList<EscalationRunner.Candidate>> CandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var within = options.Value.SanctionResponseWithin;

        var unanswered = await (
            from fact in db.LegFacts
            join referral in db.Referrals on fact.ReferralId equals referral.Id
            where fact.Kind == LegFactKinds.SanctionProposed && fact.RespondedAt == null
            select new { fact.Id, fact.Date, fact.RecordedAt, fact.LegId, fact.Agency, referral.TenantId, ReferralId = referral.Id, referral.YoungPersonId })
            .ToListAsync(cancellationToken);

        return [.. unanswered
            .Where(fact => now > calendar.DeadlineFor(fact.RecordedAt, within))
            .Select(fact => new EscalationRunner.Candidate($"sanction:{fact.Id}", 2, SanctionWithoutPaResponse,
                $"{EscalationWords.Opening(agencies.For(fact.Agency))} proposed a sanction from {fact.Date:d MMMM yyyy} and the Personal Adviser has not answered within {within} working days.",
                fact.ReferralId, fact.LegId, fact.YoungPersonId, fact.TenantId, fact.Agency))];
    }

    public async Task<string?> MendedAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        if (escalation.LegId is not { } legId)
        {
            return null;
        }

        var answered = await db.LegFacts
            .AnyAsync(f => f.LegId == legId && f.Kind == LegFactKinds.SanctionProposed && f.RespondedAt != null, cancellationToken);
        return answered ? "The Personal Adviser answered the proposed sanction." : null;
    }

    public string Notice(Escalation escalation, string? legReasonCode) =>
        "A sanction was proposed and the Personal Adviser has not answered in time.";
}
