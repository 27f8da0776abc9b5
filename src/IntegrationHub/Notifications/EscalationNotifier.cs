using IntegrationHub.Escalations;
using IntegrationHub.Outbox;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Notifications;

/// <summary>
/// Who is told of an escalation: its owner (a role of the tenant), the Personal Adviser who made
/// the referral, or the managers of the agency concerned (its single point of contact at level 1,
/// its senior manager from level 2).
/// </summary>
public enum EscalationAudience
{
    Owner,
    Referrer,
    Agency,
}

/// <summary>
/// Writes the in-hub notification of one step of an escalation for one audience. The step is
/// recorded in the inbox table with the notification, in one transaction, so a redelivered event
/// writes nothing twice; two deliveries racing each other lose on the inbox key and are retried.
/// It works in the escalation's local authority, the one the notice names.
/// </summary>
public sealed class EscalationNotifier(HubDbContext db, TenantScope tenants, EscalationWording wording, TimeProvider clock, ILogger<EscalationNotifier> logger)
{
    public async Task NotifyAsync(EscalationNotice notice, EscalationAudience audience, CancellationToken cancellationToken)
    {
        tenants.Enter(notice.TenantId);
        var inbox = $"notify-{audience.ToString().ToLowerInvariant()}:{notice.Kind}";
        if (await db.Inbox.AnyAsync(i => i.Consumer == inbox && i.MessageKey == notice.EscalationId, cancellationToken))
        {
            logger.LogInformation("Escalation {EscalationId} ({Step}) was already notified to its {Audience}", notice.EscalationId, notice.Kind, audience);
            return;
        }

        var escalation = await db.Escalations.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == notice.EscalationId, cancellationToken)
            ?? throw new UnknownEscalationException(notice.EscalationId);

        var (userId, role) = audience switch
        {
            EscalationAudience.Owner => (null, EscalationWording.RoleFor(notice.OwnerOf(escalation))),
            EscalationAudience.Agency => (null, NotificationOptions.AgencyRole(escalation.Agency)),
            _ => (await ReferrerOfAsync(escalation.ReferralId, cancellationToken), (string?)null),
        };
        var organisation = audience == EscalationAudience.Agency ? await RecipientOfAsync(escalation, cancellationToken) : null;
        if (audience == EscalationAudience.Agency && organisation is null)
        {
            // No leg to the agency names whose the escalation is: telling every organisation of the type would tell the wrong ones.
            role = null;
        }

        if (userId is not null || role is not null)
        {
            var legReasonCode = escalation.LegId is { } legId
                ? await db.Legs.Where(l => l.Id == legId).Select(l => l.ReasonCode).SingleOrDefaultAsync(cancellationToken)
                : null;
            var (subject, body) = wording.Describe(notice, escalation, legReasonCode);
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(),
                TenantId = escalation.TenantId,
                UserId = userId,
                Role = role,
                Organisation = organisation,
                Subject = subject,
                Body = body,
                ReferralId = escalation.ReferralId,
                EscalationId = escalation.Id,
                CreatedAt = clock.GetUtcNow(),
            });
        }

        db.Inbox.Add(new InboxEntry { Consumer = inbox, MessageKey = notice.EscalationId, HandledAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Escalation {EscalationId} ({Step}) notified to its {Audience}{Nobody}",
            notice.EscalationId, notice.Kind, audience, userId is null && role is null ? " (nobody to tell)" : "");
    }

    /// <summary>The organisation the escalation's leg (or its referral's leg to the agency) was sent to.</summary>
    async Task<string?> RecipientOfAsync(Escalation escalation, CancellationToken cancellationToken) =>
        await db.Legs
            .Where(l => escalation.LegId != null ? l.Id == escalation.LegId : l.ReferralId == escalation.ReferralId && l.Agency == escalation.Agency)
            .Select(l => EF.Property<string>(l, Leg.RecipientCodeColumn))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The user id of the Personal Adviser who made the referral, when the escalation has one.</summary>
    async Task<string?> ReferrerOfAsync(Guid? referralId, CancellationToken cancellationToken) =>
        referralId is { } id
            ? await db.Referrals.Where(r => r.Id == id).Select(r => r.ReferrerId).SingleOrDefaultAsync(cancellationToken)
            : null;
}

public sealed class UnknownEscalationException(Guid escalationId) : Exception($"No escalation {escalationId} is known to the hub.");
