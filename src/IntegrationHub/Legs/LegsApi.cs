using System.Security.Claims;
using IntegrationHub.Auditing;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Legs;

/// <summary>An agency's own view: only its own legs, and of each only what was shared with it.</summary>
public static class LegsApi
{
    public static IEndpointRouteBuilder MapLegsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/legs")
            .WithTags("Agency legs")
            .RequireAuthorization(HubPolicies.AgencyWorker);

        api.MapGet("/", ListAsync).WithName("ListAgencyLegs");
        api.MapGet("/{legId:guid}", GetAsync).WithName("GetAgencyLeg");
        return app;
    }

    public sealed record Services(HubDbContext Db, AuditLog Audit, LegMessages Messages, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    static async Task<Ok<List<AgencyLegSummary>>> ListAsync(string? status, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var query =
            from row in AgencyLegs(status, services)
            orderby row.Referral.CreatedAt descending
            select new AgencyLegSummary(row.Leg.Id, row.Referral.Id, row.Leg.Status, row.Referral.CreatedAt, row.Leg.UpdatedAt);
        return TypedResults.Ok(await query.Take(MaxListed).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// The partner inbox's list: the legs of <see cref="ListAsync"/> with the young person's name, so
    /// a worker can tell them apart. Each name shown is a read of personal data, audited under its leg's lawful basis.
    /// </summary>
    internal static async Task<List<AgencyLegListed>> ListWithNamesAsync(string? status, Services services, CancellationToken cancellationToken)
    {
        var query =
            from row in AgencyLegs(status, services)
            join person in services.Db.YoungPeople on row.Referral.YoungPersonId equals person.Id
            orderby row.Referral.CreatedAt descending
            select new AgencyLegListed(row.Leg.Id, row.Leg.Status, row.Referral.CreatedAt, person.Id, person.GivenName, person.FamilyName, row.Leg.LawfulBasis);
        var legs = await query.Take(MaxListed).ToListAsync(cancellationToken);
        foreach (var byBasis in legs.GroupBy(l => l.LawfulBasis.Basis))
        {
            await services.Audit.RecordReadsAsync(services.User, "leg", byBasis.Select(l => l.YoungPersonId).Distinct(), byBasis.Key, cancellationToken);
        }

        return legs;
    }

    const int MaxListed = 500;

    /// <summary>The caller's agency's legs in the caller's local authority.</summary>
    static IQueryable<LegOfReferral> AgencyLegs(string? status, Services services)
    {
        var (agency, tenant) = (services.User.Agency, services.User.TenantId);
        return
            from leg in services.Db.Legs
            join referral in services.Db.Referrals on leg.ReferralId equals referral.Id
            where leg.Agency == agency && referral.TenantId == tenant && (status == null || leg.Status == status)
            select new LegOfReferral { Leg = leg, Referral = referral };
    }

    sealed class LegOfReferral
    {
        public required Leg Leg { get; init; }
        public required Referral Referral { get; init; }
    }

    public sealed record AgencyLegListed(Guid Id, string Status, DateTimeOffset RequestedAt, Guid YoungPersonId, string GivenName, string FamilyName, Contracts.V1.LawfulBasis LawfulBasis);

    internal static async Task<Results<Ok<AgencyLegView>, NotFound>> GetAsync(Guid legId, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var user = services.User;
        var referral = await services.Db.Referrals
            .Include(r => r.Legs.Where(l => l.Id == legId))
            .SingleOrDefaultAsync(r => r.TenantId == user.TenantId && r.Legs.Any(l => l.Id == legId && l.Agency == user.Agency), cancellationToken);
        if (referral is null)
        {
            // Another agency's leg, or another area's, is not found: ids reveal nothing.
            return TypedResults.NotFound();
        }

        var leg = referral.Legs.Single();
        var person = await services.Db.YoungPeople.SingleAsync(p => p.Id == referral.YoungPersonId, cancellationToken);
        var plan = await services.Db.PlanVersions.SingleAsync(v => v.Id == referral.PlanVersionId, cancellationToken);
        await services.Audit.RecordReadAsync(user, "leg", leg.Id, person.Id, leg.LawfulBasis.Basis, cancellationToken);
        return TypedResults.Ok(new AgencyLegView(LegDetails.From(leg), services.Messages.Requested(referral, leg, person, plan)));
    }
}
