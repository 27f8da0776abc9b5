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
        api.MapPost("/{id:guid}/legs/{legId:guid}/sanction-response", AnswerSanctionAsync).WithName("AnswerProposedSanction");
        return app;
    }

    public sealed record Services(
        HubDbContext Db, Outbox.Outbox Outbox, AuditLog Audit, TimeProvider Clock, LegMessages Messages, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    internal static async Task<Results<Accepted<ReferralAccepted>, ValidationProblem>> MakeAsync(
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

    internal static async Task<Ok<List<ReferralDetails>>> ListAsync(Guid? youngPersonId, [AsParameters] Services services, CancellationToken cancellationToken)
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

    internal static async Task<Results<Ok<ReferralDetails>, NotFound>> GetAsync(Guid id, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var referral = await FindInTenantAsync(services, id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }

        await services.Audit.RecordReadAsync(services.User, "referral", referral.Id, referral.YoungPersonId, AuditBases.PublicTask, cancellationToken);
        return TypedResults.Ok(ReferralDetails.From(referral));
    }

    internal static async Task<Results<Accepted<ReferralDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> CancelReferralAsync(
        Guid id, CancelRequest request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
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

        await CancelAsync(referral, open, request, services, cancellationToken);
        return TypedResults.Accepted($"/api/referrals/{referral.Id}", ReferralDetails.From(referral));
    }

    internal static async Task<Results<Accepted<ReferralDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> CancelLegAsync(
        Guid id, Guid legId, CancelRequest request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var referral = await FindInTenantAsync(services, id, cancellationToken);
        if (referral?.Leg(legId) is not { } leg)
        {
            return TypedResults.NotFound();
        }

        if (!referral.CanCancel(leg))
        {
            referral.RefuseLegChange(leg, Change(request, services), $"A {leg.Status} leg cannot be cancelled.");
            await services.Db.SaveChangesAsync(cancellationToken);
            return TypedResults.Conflict(new ProblemDetails { Title = "The leg cannot be cancelled", Detail = $"The leg is {leg.Status}; it has already ended." });
        }

        await CancelAsync(referral, [leg], request, services, cancellationToken);
        return TypedResults.Accepted($"/api/referrals/{referral.Id}", ReferralDetails.From(referral));
    }

    /// <summary>The PA's answer to a sanction the Jobcentre proposed: the Jobcentre must hear from them before it decides.</summary>
    internal static async Task<Results<Ok<ReferralDetails>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> AnswerSanctionAsync(
        Guid id, Guid legId, SanctionResponse request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Response))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["response"] = ["Say what you told the Jobcentre about the proposed sanction."] });
        }

        var referral = await FindInTenantAsync(services, id, cancellationToken);
        if (referral?.Leg(legId) is not { } leg)
        {
            return TypedResults.NotFound();
        }

        var proposed = await services.Db.LegFacts
            .Where(f => f.LegId == legId && f.Kind == LegFactKinds.SanctionProposed && f.RespondedAt == null)
            .ToListAsync(cancellationToken);
        if (proposed.Count == 0)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "No sanction to answer", Detail = "No proposed sanction on this leg is waiting for your answer." });
        }

        var now = services.Clock.GetUtcNow();
        foreach (var fact in proposed)
        {
            fact.RespondedAt = now;
            fact.Response = request.Response;
        }

        referral.NoteAgencyUpdate(leg, services.User.Name, now, $"Personal Adviser answered the proposed sanction: {request.Response}");
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReferralDetails.From(referral));
    }

    static ValidationProblem? Validate(CancelRequest request)
    {
        var errors = new FieldErrors();
        errors.Text("reason", request.Reason, 2000);
        if (request.Kind is not null && !CancellationKinds.All.Contains(request.Kind))
        {
            errors.Add("kind", $"'kind' must be one of: {string.Join(", ", CancellationKinds.All)}.");
        }

        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : null;
    }

    static LegChange Change(CancelRequest request, Services services) =>
        new(LegStatusCodes.Cancelled, services.User.Name, services.Clock.GetUtcNow(), request.Reason, request.Kind ?? CancellationKinds.CircumstancesChanged);

    /// <summary>Cancels the legs and tells each agency, with the leg as it was sent so the agency can match it.</summary>
    static async Task CancelAsync(Referral referral, IReadOnlyList<Leg> legs, CancelRequest request, Services services, CancellationToken cancellationToken)
    {
        var person = await services.Db.YoungPeople.SingleAsync(p => p.Id == referral.YoungPersonId, cancellationToken);
        var plan = await services.Db.PlanVersions.SingleAsync(v => v.Id == referral.PlanVersionId, cancellationToken);
        var change = Change(request, services);
        foreach (var leg in legs)
        {
            referral.ChangeLeg(leg, change);
            services.Outbox.Send(
                LegMessages.Cancelled(referral, leg, change, services.Messages.Requested(referral, leg, person, plan)),
                Endpoints.AdapterQueue(leg.Agency));
        }

        await services.Db.SaveChangesAsync(cancellationToken);
    }

    static Task<Referral?> FindInTenantAsync(Services services, Guid id, CancellationToken cancellationToken) =>
        services.Db.Referrals
            .Include(r => r.Legs)
            .Include(r => r.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id && r.TenantId == services.User.TenantId, cancellationToken);
}
