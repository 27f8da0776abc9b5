using IntegrationHub.Auditing;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Outcomes;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Operations;

/// <summary>
/// An Operator sends a failed leg again, once the outage that outlasted its retry budget is over or its channel is
/// repaired: the leg is requested once more, the resending is on the referral's timeline and audited, and the leg's
/// message, made afresh from the referral as it was made, goes through the outbox. An Operator of a local authority
/// reaches its legs alone; one of none (the platform's) reaches every local authority's.
/// </summary>
public sealed class LegResends(HubDbContext db, TenantScope tenants, Outbox.Outbox outbox, LegMessages messages, AuditLog audit, TimeProvider clock, ILogger<LegResends> logger)
{
    public const string AuditedResend = "leg-resend";

    public async Task<Outcome<ResentLeg>> ResendAsync(Guid legId, HubUser user, CancellationToken cancellationToken)
    {
        if (user.TenantId is not { Length: > 0 })
        {
            tenants.SpanAllTenants("an operator resending a failed leg");
        }

        var referralId = await db.Legs.Where(l => l.Id == legId).Select(l => (Guid?)l.ReferralId).SingleOrDefaultAsync(cancellationToken);
        if (referralId is null)
        {
            return new Outcome<ResentLeg>.NotFound();
        }

        var referral = await db.Referrals.Include(r => r.Legs).SingleAsync(r => r.Id == referralId, cancellationToken);
        var leg = referral.Leg(legId)!;
        if (!LegLifecycle.CanResend(leg.Status))
        {
            return new Outcome<ResentLeg>.Conflict("Leg not failed", $"Leg {leg.Id} is {leg.Status}; only a leg whose delivery failed can be resent.");
        }

        if (leg.LawfulBasis.Basis == LawfulBases.Consent
            && await db.Consents.Where(c => c.YoungPersonId == referral.YoungPersonId && c.Agency == leg.Agency).OrderByDescending(c => c.RecordedAt).FirstOrDefaultAsync(cancellationToken)
                is { WithdrawnAt: { } withdrawnAt })
        {
            // The leg rests on a consent withdrawn since it failed: sending it now would share what the young person took back.
            return new Outcome<ResentLeg>.Conflict(
                "Consent withdrawn",
                $"The consent leg {leg.Id} rests on was withdrawn on {ConsentRegister.Date(withdrawnAt)}; it cannot be resent. Make a new referral once a new consent is recorded.");
        }

        referral.ResendLeg(leg, user.Name, clock.GetUtcNow());
        var person = await db.YoungPeople.SingleAsync(p => p.Id == referral.YoungPersonId, cancellationToken);
        var plan = await db.PlanVersions.SingleAsync(v => v.Id == referral.PlanVersionId, cancellationToken);
        outbox.SendForLeg(messages.Requested(referral, leg, person, plan), leg.Id, Endpoints.AdapterQueue(leg.Agency));
        try
        {
            // The resending, its timeline entry and its message are saved together with the audit entry, or not at all.
            await audit.RecordAsync(user, [Audited.Write(AuditedResend, leg.Id, referral.YoungPersonId, leg.LawfulBasis.Basis)], cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<ResentLeg>.Conflict("Changed meanwhile", $"Leg {leg.Id} or its referral changed while it was being resent. Look again before resending.");
        }

        logger.LogInformation("Leg {LegId} of referral {ReferralId} resent by operator {Operator}", leg.Id, referral.Id, user.Id);
        return new Outcome<ResentLeg>.Done(new ResentLeg(leg.Id, referral.Id, leg.Agency, leg.Recipient.Code, leg.Status));
    }
}

/// <summary>A resent leg: no personal data, only what the Operator needs to follow it.</summary>
public sealed record ResentLeg(Guid LegId, Guid ReferralId, string Agency, string Recipient, string Status);
