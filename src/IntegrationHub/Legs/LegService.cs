using IntegrationHub.Auditing;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Legs;

/// <summary>
/// An agency caller's own view: only the legs addressed to its organisation (of its agency, in its
/// local authority), and of each only what was shared with it.
/// </summary>
public sealed class LegService(HubDbContext db, AuditLog audit, LegMessages messages)
{
    const int MaxListed = 500;

    public Task<List<AgencyLegSummary>> ListAsync(string? status, HubUser user, CancellationToken cancellationToken)
    {
        var query =
            from row in AgencyLegs(status, user)
            orderby row.Referral.CreatedAt descending
            select new AgencyLegSummary(row.Leg.Id, row.Referral.Id, row.Leg.Status, row.Referral.CreatedAt, row.Leg.UpdatedAt);
        return query.Take(MaxListed).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The partner inbox's list: the legs of <see cref="ListAsync"/> with the young person's name, so
    /// a worker can tell them apart. Each name shown is a read of personal data, audited under its leg's lawful basis.
    /// </summary>
    public async Task<List<AgencyLegListed>> ListWithNamesAsync(string? status, HubUser user, CancellationToken cancellationToken)
    {
        var query =
            from row in AgencyLegs(status, user)
            join person in db.YoungPeople on row.Referral.YoungPersonId equals person.Id
            orderby row.Referral.CreatedAt descending
            select new AgencyLegListed(row.Leg.Id, row.Leg.Status, row.Referral.CreatedAt, person.Id, person.GivenName, person.FamilyName, row.Leg.LawfulBasis);
        var legs = await query.Take(MaxListed).ToListAsync(cancellationToken);
        foreach (var byBasis in legs.GroupBy(l => l.LawfulBasis.Basis))
        {
            await audit.RecordReadsAsync(user, "leg", byBasis.Select(l => l.YoungPersonId).Distinct(), byBasis.Key, cancellationToken);
        }

        return legs;
    }

    public async Task<AgencyLegView?> GetAsync(Guid legId, HubUser user, CancellationToken cancellationToken)
    {
        if (!await db.Legs.Where(Leg.AddressedTo(user)).AnyAsync(l => l.Id == legId, cancellationToken))
        {
            // Another agency's leg, another organisation's or another local authority's is not found: ids reveal nothing.
            return null;
        }

        var referral = await db.Referrals
            .Include(r => r.Legs.Where(l => l.Id == legId))
            .SingleAsync(r => r.Legs.Any(l => l.Id == legId), cancellationToken);

        // By id: the unit of work may already track the referral's other legs (a partner page's answer loads them all).
        var leg = referral.Legs.Single(l => l.Id == legId);
        var person = await db.YoungPeople.SingleAsync(p => p.Id == referral.YoungPersonId, cancellationToken);
        var plan = await db.PlanVersions.SingleAsync(v => v.Id == referral.PlanVersionId, cancellationToken);
        await audit.RecordReadAsync(user, "leg", leg.Id, person.Id, leg.LawfulBasis.Basis, cancellationToken);
        return new AgencyLegView(LegDetails.From(leg), messages.Requested(referral, leg, person, plan));
    }

    /// <summary>The legs addressed to the caller's organisation in the caller's local authority.</summary>
    IQueryable<LegOfReferral> AgencyLegs(string? status, HubUser user) =>
        from leg in db.Legs.Where(Leg.AddressedTo(user))
        join referral in db.Referrals on leg.ReferralId equals referral.Id
        where status == null || leg.Status == status
        select new LegOfReferral { Leg = leg, Referral = referral };

    sealed class LegOfReferral
    {
        public required Leg Leg { get; init; }
        public required Referral Referral { get; init; }
    }
}

/// <summary>A leg in the partner inbox's list, with the name of the young person it is about and the lawful basis its read is audited under.</summary>
public sealed record AgencyLegListed(Guid Id, string Status, DateTimeOffset RequestedAt, Guid YoungPersonId, string GivenName, string FamilyName, Contracts.V1.LawfulBasis LawfulBasis);
