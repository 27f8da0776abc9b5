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

    public sealed record Services(HubDbContext Db, AuditLog Audit, IOptions<TenantOptions> Tenants, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    static async Task<Ok<List<AgencyLegSummary>>> ListAsync(string? status, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var (agency, tenant) = (services.User.Agency, services.User.TenantId);
        var query =
            from leg in services.Db.Legs
            join referral in services.Db.Referrals on leg.ReferralId equals referral.Id
            where leg.Agency == agency && referral.TenantId == tenant && (status == null || leg.Status == status)
            orderby referral.CreatedAt descending
            select new AgencyLegSummary(leg.Id, referral.Id, leg.Status, referral.CreatedAt, leg.UpdatedAt);
        return TypedResults.Ok(await query.Take(500).ToListAsync(cancellationToken));
    }

    static async Task<Results<Ok<AgencyLegView>, NotFound>> GetAsync(Guid legId, [AsParameters] Services services, CancellationToken cancellationToken)
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
        return TypedResults.Ok(new AgencyLegView(LegDetails.From(leg), LegMessages.Requested(referral, leg, person, plan, services.Tenants.Value)));
    }
}
