using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static IntegrationHub.Contracts.V1.LegStatusCodes;
using static IntegrationHub.Escalations.EscalationReasons;

namespace IntegrationHub.Escalations.Triggers;

/// <summary>
/// A leg declined for a reason corporate parents should not accept (the agency definition's
/// <c>UnacceptableDeclines</c>, or configuration's) goes straight to level 2. It stands until a
/// manager resolves it: no later answer of the agency mends a decline.
/// </summary>
sealed class UnacceptableDeclineTrigger(HubDbContext db, IOptions<EscalationOptions> options, AgencyDefinitions agencies) : IEscalationTrigger
{
    public IReadOnlyCollection<string> ReasonCodes { get; } = [UnacceptableDecline];

    public async Task<IReadOnlyList<EscalationRunner.Candidate>> CandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var declined = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            where leg.Status == Rejected
            select new { leg.Id, leg.Agency, leg.ReasonCode, leg.StatusReason, referral.TenantId, ReferralId = referral.Id, referral.YoungPersonId })
            .ToListAsync(cancellationToken);

        return [.. declined
            .Where(leg => options.Value.UnacceptableDeclines.GetValueOrDefault(leg.Agency, []).Contains(leg.ReasonCode))
            .Select(leg => new EscalationRunner.Candidate($"decline:{leg.Id}", 2, UnacceptableDecline,
                $"{EscalationWords.Opening(agencies.For(leg.Agency))} declined ({leg.ReasonCode}): {leg.StatusReason}",
                leg.ReferralId, leg.Id, leg.YoungPersonId, leg.TenantId, leg.Agency))];
    }

    public Task<string?> MendedAsync(Escalation escalation, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public string Notice(Escalation escalation, string? legReasonCode) =>
        $"{EscalationWords.Opening(agencies.For(escalation.Agency))} declined the referral{(legReasonCode is null ? "" : $" ({legReasonCode})")}, a reason corporate parents should not accept.";
}
