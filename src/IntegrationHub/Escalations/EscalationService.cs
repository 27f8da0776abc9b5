using IntegrationHub.Auditing;
using IntegrationHub.Outcomes;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Escalations;

/// <summary>
/// The ladder for its managers, each as far as their role reaches (<see cref="EscalationLadder"/>): listing the
/// escalations of their local authority, raising one by hand, resolving one with an outcome note. Every escalation
/// listed is an audited read of its young person's data, for the purpose of escalation oversight; raising and
/// resolving are audited writes.
/// </summary>
public sealed class EscalationService(HubDbContext db, EscalationRunner runner, AuditLog audit, TimeProvider clock)
{
    public const string AboveYourLevel = "Above your level";
    const string LevelRule = "'level' must be 1, 2 or 3.";
    const string Resource = "escalation";

    /// <summary>
    /// The escalations at or below the caller's level, highest level and soonest due first. Those above it are
    /// left out, not shown: their reasons are free text that may name the young person or give their dates (an
    /// agency's decline wording, an 18th birthday), which a manager who cannot act on them has no need to read,
    /// and every escalation listed is an audited read. The rung that owns them sees them; the board sees all.
    /// </summary>
    public async Task<Outcome<List<EscalationSummary>>> ListAsync(EscalationFilter filter, HubUser user, CancellationToken cancellationToken)
    {
        var reach = EscalationLadder.LevelOf(user.Role);
        if (filter.Level is < 1 or > EscalationLadder.TopLevel)
        {
            var errors = new FieldErrors();
            errors.Add("level", LevelRule);
            return new Outcome<List<EscalationSummary>>.Invalid(errors);
        }

        if (filter.Level > reach)
        {
            return Beyond<List<EscalationSummary>>(user, $"sees escalations at {EscalationLadder.UpTo(reach)}.");
        }

        IQueryable<Escalation> query = db.Escalations.Where(e => e.Level <= reach);
        query = filter.Open switch
        {
            true => query.Where(e => e.ResolvedAt == null),
            false => query.Where(e => e.ResolvedAt != null),
            null => query,
        };
        query = filter.Level is { } level ? query.Where(e => e.Level == level) : query;
        query = filter.Theme is { } theme ? query.Where(e => e.Theme == theme) : query;
        query = filter.Agency is { } agency ? query.Where(e => e.Agency == agency) : query;
        var escalations = await query.OrderByDescending(e => e.Level).ThenBy(e => e.DueBy).Take(500).ToListAsync(cancellationToken);

        await audit.RecordAsync(user, escalations.Select(e => Audited.Read(Resource, e.Id, e.YoungPersonId, AuditBases.EscalationOversight)), cancellationToken);
        return new Outcome<List<EscalationSummary>>.Done([.. escalations.Select(EscalationSummary.From)]);
    }

    /// <summary>
    /// Raises an escalation of a referral's leg by hand, at level 1 unless the request says otherwise, and at most a
    /// level above the caller's own. The answer holds only what the caller sent and the ladder's own figures, so
    /// only the write is audited.
    /// </summary>
    public async Task<Outcome<EscalationSummary>> RaiseAsync(RaiseEscalation request, HubUser user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("reason", request.Reason, 2000);
        var level = request.Level ?? 1;
        if (level is < 1 or > EscalationLadder.TopLevel)
        {
            errors.Add("level", LevelRule);
        }
        else if (level > EscalationLadder.HighestToRaise(user.Role))
        {
            return Beyond<EscalationSummary>(user, $"may raise an escalation at {EscalationLadder.UpTo(EscalationLadder.HighestToRaise(user.Role))}, not at level {level}.");
        }

        var referral = request.ReferralId is { } referralId
            ? await db.Referrals.Include(r => r.Legs).SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken)
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
            return new Outcome<EscalationSummary>.Invalid(errors);
        }

        var escalation = runner.Raise(
            new EscalationRunner.Candidate(
                $"manual:{Guid.NewGuid():N}", level, EscalationReasons.RaisedByManager, request.Reason!,
                referral!.Id, leg?.Id, referral.YoungPersonId, user.TenantId, leg?.Agency ?? agencies[0]),
            clock.GetUtcNow());
        await audit.RecordAsync(user, [Audited.Write(Resource, escalation.Id, escalation.YoungPersonId, AuditBases.EscalationOversight)], cancellationToken);
        return new Outcome<EscalationSummary>.Done(EscalationSummary.From(escalation));
    }

    /// <summary>
    /// Resolves an escalation at or below the caller's level with an outcome note. The answer gives back the
    /// escalation's reason, which someone else wrote: it is audited as a read as well as the resolution's write.
    /// </summary>
    public async Task<Outcome<EscalationSummary>> ResolveAsync(Guid id, ResolveEscalation request, HubUser user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            var errors = new FieldErrors();
            errors.Add("outcome", "An outcome note is required to resolve an escalation.");
            return new Outcome<EscalationSummary>.Invalid(errors);
        }

        var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (escalation is null)
        {
            return new Outcome<EscalationSummary>.NotFound();
        }

        var reach = EscalationLadder.LevelOf(user.Role);
        if (escalation.Level > reach)
        {
            return Beyond<EscalationSummary>(user, $"may resolve escalations at {EscalationLadder.UpTo(reach)}; this one is at level {escalation.Level}.");
        }

        if (!escalation.IsOpen)
        {
            return new Outcome<EscalationSummary>.Conflict("Already resolved", $"The escalation was already resolved on {escalation.ResolvedAt:d MMMM yyyy}.");
        }

        runner.Resolve(escalation, request.Outcome, user.Name, clock.GetUtcNow());
        try
        {
            await audit.RecordAsync(
                user,
                [
                    Audited.Write("escalation-resolution", escalation.Id, escalation.YoungPersonId, AuditBases.EscalationOversight),
                    Audited.Read(Resource, escalation.Id, escalation.YoungPersonId, AuditBases.EscalationOversight),
                ],
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The ladder moved it up, or another manager resolved it, since it was loaded: nothing of this resolution was saved.
            db.ChangeTracker.Clear();
            return new Outcome<EscalationSummary>.Conflict("Changed meanwhile", "The escalation changed while you were resolving it; look at it again and try again.");
        }

        return new Outcome<EscalationSummary>.Done(EscalationSummary.From(escalation));
    }

    /// <summary>The refusal of what is above the caller's level, saying what their role does reach.</summary>
    static Outcome<T> Beyond<T>(HubUser user, string reach) => new Outcome<T>.Forbidden(
        AboveYourLevel,
        EscalationLadder.RoleOpening(user.Role) is { } role ? $"{role} {reach}" : "Only team managers, heads of service and board members act on escalations.");
}
