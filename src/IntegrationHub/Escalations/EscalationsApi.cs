using System.Security.Claims;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Escalations;

/// <summary>
/// The ladder for its managers: open escalations (case references, never names), raising one by
/// hand, resolving one with an outcome note.
/// </summary>
public static class EscalationsApi
{
    public static IEndpointRouteBuilder MapEscalationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/escalations")
            .WithTags("Escalations")
            .RequireAuthorization(HubPolicies.EscalationManager);

        api.MapGet("/", ListAsync).WithName("ListEscalations");
        api.MapPost("/", RaiseAsync).WithName("RaiseEscalation");
        api.MapPost("/{id:guid}/resolution", ResolveAsync).WithName("ResolveEscalation");
        return app;
    }

    public sealed record EscalationSummary(
        Guid Id, Guid? ReferralId, Guid? LegId, string Agency, string Theme, int Level, string ReasonCode, string Reason, string Owner,
        DateTimeOffset RaisedAt, DateTimeOffset DueBy, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Outcome)
    {
        public static EscalationSummary From(Escalation e) => new(
            e.Id, e.ReferralId, e.LegId, e.Agency, e.Theme, e.Level, e.ReasonCode, e.Reason, e.Owner, e.RaisedAt, e.DueBy, e.ResolvedAt, e.ResolvedBy, e.Outcome);
    }

    public sealed record RaiseEscalation(Guid? ReferralId, Guid? LegId, string? Reason, int? Level);

    public sealed record ResolveEscalation(string? Outcome);

    public sealed record Services(HubDbContext Db, EscalationRunner Runner, TimeProvider Clock, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    static async Task<Ok<List<EscalationSummary>>> ListAsync(
        [AsParameters] Services services, bool? open, int? level, string? theme, string? agency, CancellationToken cancellationToken)
    {
        IQueryable<Escalation> query = services.Db.Escalations;
        query = open switch
        {
            true => query.Where(e => e.ResolvedAt == null),
            false => query.Where(e => e.ResolvedAt != null),
            null => query,
        };
        query = level is null ? query : query.Where(e => e.Level == level);
        query = theme is null ? query : query.Where(e => e.Theme == theme);
        query = agency is null ? query : query.Where(e => e.Agency == agency);
        var escalations = await query.OrderByDescending(e => e.Level).ThenBy(e => e.DueBy).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(escalations.Select(EscalationSummary.From).ToList());
    }

    static async Task<Results<Created<EscalationSummary>, ValidationProblem, Conflict<string>>> RaiseAsync(
        RaiseEscalation request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("reason", request.Reason, 2000);
        if (request.Level is < 1 or > EscalationLadder.TopLevel)
        {
            errors.Add("level", "'level' must be 1, 2 or 3.");
        }

        var referral = request.ReferralId is { } referralId
            ? await services.Db.Referrals.Include(r => r.Legs).SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken)
            : null;
        if (referral is null)
        {
            errors.Add("referralId", "'referralId' must name a referral of your local authority.");
        }

        var leg = request.LegId is { } legId ? referral?.Leg(legId) : null;
        if (referral is not null && request.LegId is not null && leg is null)
        {
            errors.Add("legId", "'legId' must name a leg of that referral.");
        }

        // An escalation is about one agency: without a leg, the referral's only agency, if it has one.
        var agencies = referral?.Legs.Select(l => l.Agency).Distinct().ToList() ?? [];
        if (referral is not null && request.LegId is null && agencies.Count != 1)
        {
            errors.Add("legId", $"'legId' must name the leg the escalation is about: the referral went to {agencies.Count} agencies.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var agency = leg?.Agency ?? agencies[0];
        var candidate = new EscalationRunner.Candidate(
            $"manual:{Guid.NewGuid():N}", request.Level ?? 1, EscalationReasons.RaisedByManager, request.Reason!,
            referral!.Id, leg?.Id, referral.YoungPersonId, services.User.TenantId, agency);
        if (!await services.Runner.RaiseAsync(candidate, services.Clock.GetUtcNow(), cancellationToken))
        {
            return TypedResults.Conflict("The escalation could not be raised; try again.");
        }

        var raised = await services.Db.Escalations.AsNoTracking().SingleAsync(e => e.TriggerKey == candidate.TriggerKey, cancellationToken);
        return TypedResults.Created($"/api/escalations/{raised.Id}", EscalationSummary.From(raised));
    }

    static async Task<Results<Ok<EscalationSummary>, ValidationProblem, NotFound, Conflict<string>>> ResolveAsync(
        Guid id, ResolveEscalation request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["outcome"] = ["An outcome note is required to resolve an escalation."] });
        }

        var escalation = await services.Db.Escalations.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (escalation is null)
        {
            return TypedResults.NotFound();
        }

        if (!escalation.IsOpen)
        {
            return TypedResults.Conflict($"The escalation was already resolved on {escalation.ResolvedAt:d MMMM yyyy}.");
        }

        services.Runner.Resolve(escalation, request.Outcome, services.User.Name, services.Clock.GetUtcNow());
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EscalationSummary.From(escalation));
    }
}
