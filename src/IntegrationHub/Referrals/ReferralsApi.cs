using System.Security.Claims;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Referrals;

public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/referrals")
            .WithTags("Referrals")
            .RequireAuthorization(HubPolicies.PersonalAdviser);

        api.MapPost("/", MakeAsync).WithName("MakeReferral");
        api.MapGet("/", ListAsync).WithName("ListReferrals");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetReferral");
        api.MapPost("/{id:guid}/cancellation", CancelReferralAsync).WithName("CancelReferral");
        api.MapPost("/{id:guid}/legs/{legId:guid}/cancellation", CancelLegAsync).WithName("CancelLeg");
        return app;
    }

    public sealed record Services(
        HubDbContext Db, Outbox.Outbox Outbox, AuditLog Audit, TimeProvider Clock, IOptions<SharingOptions> Sharing, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    static async Task<Results<Accepted<ReferralAccepted>, ValidationProblem>> MakeAsync(
        MakeReferral request, ReferralMaker maker, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var (referral, errors) = await maker.MakeAsync(request, HubUser.From(principal), cancellationToken);
        if (referral is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Accepted($"/api/referrals/{referral.Id}", new ReferralAccepted(
            referral.Id, referral.Status, [.. referral.Legs.Select(l => new LegSummary(l.Id, l.Agency, l.Status))]));
    }

    static async Task<Ok<List<ReferralDetails>>> ListAsync(Guid? youngPersonId, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var tenant = services.User.TenantId;
        var query = services.Db.Referrals.Include(r => r.Legs).Include(r => r.Timeline).Where(r => r.TenantId == tenant);
        if (youngPersonId is not null)
        {
            query = query.Where(r => r.YoungPersonId == youngPersonId);
        }

        var referrals = await query.OrderByDescending(r => r.CreatedAt).Take(200).AsSplitQuery().ToListAsync(cancellationToken);
        await services.Audit.RecordReadsAsync(services.User, "referral", referrals.Select(r => r.YoungPersonId).Distinct(), AuditBases.PublicTask, cancellationToken);
        return TypedResults.Ok(referrals.Select(ReferralDetails.From).ToList());
    }

    static async Task<Results<Ok<ReferralDetails>, NotFound>> GetAsync(Guid id, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var referral = await FindInTenantAsync(services, id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }

        await services.Audit.RecordReadAsync(services.User, "referral", referral.Id, referral.YoungPersonId, AuditBases.PublicTask, cancellationToken);
        return TypedResults.Ok(ReferralDetails.From(referral));
    }

    static async Task<Results<Accepted<ReferralDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> CancelReferralAsync(
        Guid id, CancelRequest request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["A reason is required to cancel a referral."] });
        }

        var referral = await FindInTenantAsync(services, id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }

        var open = referral.Legs.Where(referral.CanCancel).ToList();
        if (open.Count == 0)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "Nothing to cancel", Detail = "Every leg of this referral has already ended." });
        }

        var change = new LegChange(LegStatusCodes.Cancelled, services.User.Name, services.Clock.GetUtcNow(), request.Reason);
        foreach (var leg in open)
        {
            referral.ChangeLeg(leg, change);
            services.Outbox.Send(LegMessages.Cancelled(referral, leg, change), Endpoints.AdapterQueue(leg.Agency));
        }

        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/referrals/{referral.Id}", ReferralDetails.From(referral));
    }

    static async Task<Results<Accepted<ReferralDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> CancelLegAsync(
        Guid id, Guid legId, CancelRequest request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["A reason is required to cancel a leg."] });
        }

        var referral = await FindInTenantAsync(services, id, cancellationToken);
        if (referral?.Leg(legId) is not { } leg)
        {
            return TypedResults.NotFound();
        }

        var change = new LegChange(LegStatusCodes.Cancelled, services.User.Name, services.Clock.GetUtcNow(), request.Reason);
        if (referral.ChangeLeg(leg, change) is { } refusal)
        {
            await services.Db.SaveChangesAsync(cancellationToken);
            return TypedResults.Conflict(new ProblemDetails { Title = "The leg cannot be cancelled", Detail = refusal });
        }

        services.Outbox.Send(LegMessages.Cancelled(referral, leg, change), Endpoints.AdapterQueue(leg.Agency));
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/referrals/{referral.Id}", ReferralDetails.From(referral));
    }

    static Task<Referral?> FindInTenantAsync(Services services, Guid id, CancellationToken cancellationToken) =>
        services.Db.Referrals
            .Include(r => r.Legs)
            .Include(r => r.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id && r.TenantId == services.User.TenantId, cancellationToken);
}
