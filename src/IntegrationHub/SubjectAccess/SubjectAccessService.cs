using IntegrationHub.Auditing;
using IntegrationHub.Consents;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.SubjectAccess;

/// <summary>
/// Answers a subject access request in one step: gathers all the hub holds about a young person of the
/// officer's local authority (the tenant filter keeps it there) and audits the officer's read of it.
/// </summary>
public sealed class SubjectAccessService(HubDbContext db, AuditLog audit, LegMessages legMessages, TimeProvider clock, ILogger<SubjectAccessService> logger)
{
    /// <summary>Null when the young person is unknown or another local authority's: nothing is shown, so nothing is audited.</summary>
    public async Task<SubjectAccessReport?> ReportAsync(Guid youngPersonId, HubUser user, CancellationToken cancellationToken)
    {
        var person = await db.YoungPeople.SingleOrDefaultAsync(p => p.Id == youngPersonId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var plans = await db.PlanVersions.Where(v => v.YoungPersonId == person.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.Include(r => r.Legs).Include(r => r.Timeline)
            .Where(r => r.YoungPersonId == person.Id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var referralIds = referrals.Select(r => r.Id).ToList();
        var facts = await db.LegFacts.Where(f => referralIds.Contains(f.ReferralId)).OrderBy(f => f.RecordedAt).ToListAsync(cancellationToken);
        var escalations = await db.Escalations.Where(e => e.YoungPersonId == person.Id).OrderBy(e => e.RaisedAt).ToListAsync(cancellationToken);
        var escalationIds = escalations.Select(e => e.Id).ToList();

        // A notification names no young person itself: it is theirs when it is about one of their referrals or escalations.
        var notifications = await db.Notifications
            .Where(n => (n.ReferralId != null && referralIds.Contains(n.ReferralId.Value)) || (n.EscalationId != null && escalationIds.Contains(n.EscalationId.Value)))
            .OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);

        var casePapers = await db.CasePapers.Where(p => p.YoungPersonId == person.Id).ToListAsync(cancellationToken);
        var boardActions = await db.BoardDecisions.Where(d => d.YoungPersonId == person.Id).OrderBy(d => d.DecidedAt).ToListAsync(cancellationToken);
        var consents = await db.Consents.Where(c => c.YoungPersonId == person.Id).OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);

        // Read before this request's own entry is written, so the report shows the reads that came before it. Only reads:
        // who made or changed each record is in the records the report gives.
        var reads = await db.Audit.Where(a => a.YoungPersonId == person.Id && a.Action == AuditActions.Read).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var report = new SubjectAccessReport(
            now,
            SubjectRecord.From(person, DateOnly.FromDateTime(now.UtcDateTime)),
            [.. plans.Select(PlanVersionDetails.From)],
            [.. referrals.Select(ReferralDetails.From)],
            [.. referrals.SelectMany(r => r.Legs.OrderBy(l => l.Agency).Select(l => Disclosed(r, l, person)))],
            [.. facts.Select(ReportedFact.From)],
            [.. escalations.Select(EscalationRecord.From)],
            [.. notifications.Select(NotificationRecord.From)],
            [.. reads.Select(DataRead.From)],
            [.. consents.Select(ConsentDetails.From)],
            [.. casePapers.OrderBy(p => p.ResolutionProposedAt ?? p.WordsRecordedAt).Select(CasePaperRecord.From)],
            [.. boardActions.Select(BoardActionRecord.From)]);

        await audit.RecordReadAsync(user, "subject-access", person.Id, person.Id, AuditBases.LegalObligation, cancellationToken);
        logger.LogInformation("Subject access report for young person {YoungPersonId} given to {UserId}", person.Id, user.Id);
        return report;
    }

    /// <summary>
    /// The identifiers are those the agency's sharing rules give today, as the hub keeps no copy of the message
    /// once it is sent; the time is when the hub committed the leg to be sent, from its timeline.
    /// </summary>
    Disclosure Disclosed(Referral referral, Leg leg, YoungPerson person) => new(
        referral.Id,
        leg.Id,
        leg.Agency,
        leg.Recipient,
        leg.Reason,
        leg.SharedSections,
        legMessages.SharedIdentifiers(person, leg.Agency),
        referral.Timeline.FirstOrDefault(t => t.LegId == leg.Id && t.Kind == TimelineKinds.LegRequested)?.At ?? referral.CreatedAt,
        leg.LawfulBasis,
        leg.Status);
}
