using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Escalations.Triggers;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Escalations;

/// <summary>
/// One pass of the escalation ladder at the current time: raises what the triggers find
/// (<see cref="IEscalationTrigger"/>), moves unresolved escalations up a level when they are due,
/// and resolves those whose trigger finds their cause mended. Safe to run on several replicas at
/// once: an escalation's trigger key is unique and its level is guarded by a concurrency token, so
/// each is raised and moved once.
/// </summary>
public sealed class EscalationRunner(
    HubDbContext db,
    TenantScope tenants,
    Outbox.Outbox outbox,
    WorkingCalendar calendar,
    EscalationTriggers triggers,
    AgencyDefinitions agencies,
    IOptions<EscalationOptions> options,
    TimeProvider clock,
    ILogger<EscalationRunner> logger)
{
    public async Task<EscalationPass> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // The scan works for every council at once; the triggers' queries see all of them too.
        tenants.SpanAllTenants("the escalation scan");
        var raisedKeys = (await db.Escalations.Select(e => e.TriggerKey).ToListAsync(cancellationToken)).ToHashSet();
        var raised = 0;
        foreach (var trigger in triggers.All)
        {
            foreach (var candidate in await trigger.CandidatesAsync(now, cancellationToken))
            {
                if (raisedKeys.Add(candidate.TriggerKey))
                {
                    raised += await RaiseAsync(candidate, now, cancellationToken) ? 1 : 0;
                }
            }
        }

        var moved = 0;
        var resolved = 0;
        var open = await db.Escalations.Where(e => e.ResolvedAt == null).Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var id in open)
        {
            // Loaded one at a time: a change lost to another replica clears the context for the next.
            var escalation = await db.Escalations.SingleAsync(e => e.Id == id, cancellationToken);
            if (!escalation.IsOpen)
            {
                continue;
            }

            if (triggers.For(escalation.ReasonCode) is { } trigger && await trigger.MendedAsync(escalation, cancellationToken) is { } outcome)
            {
                resolved += await SaveAsync(Resolve(escalation, outcome, "hub", now), cancellationToken) ? 1 : 0;
            }
            else if (escalation.DueBy < now && escalation.Level < EscalationLadder.TopLevel)
            {
                moved += await SaveAsync(Climb(escalation, now), cancellationToken) ? 1 : 0;
            }
        }

        return new EscalationPass(raised, moved, resolved);
    }

    /// <summary>An escalation to raise, once: <paramref name="TriggerKey"/> says what raised it (e.g. <c>sla:{code}:{legId}</c>).</summary>
    public sealed record Candidate(string TriggerKey, int Level, string ReasonCode, string Reason, Guid? ReferralId, Guid? LegId, Guid YoungPersonId, string TenantId, string Agency);

    /// <summary>Raises one escalation; false when another scanner raised it first.</summary>
    public async Task<bool> RaiseAsync(Candidate candidate, DateTimeOffset now, CancellationToken cancellationToken) =>
        await SaveAsync(Raise(candidate, now), cancellationToken);

    /// <summary>
    /// Adds one escalation with its timeline note and its event, unsaved: the caller saves them with whatever else
    /// belongs to the same change (a manager's raise is saved with its audit entry).
    /// </summary>
    public Escalation Raise(Candidate candidate, DateTimeOffset now)
    {
        var theme = agencies.For(candidate.Agency).Theme;
        var escalation = new Escalation
        {
            Id = Guid.NewGuid(),
            TenantId = candidate.TenantId,
            ReferralId = candidate.ReferralId,
            LegId = candidate.LegId,
            YoungPersonId = candidate.YoungPersonId,
            Agency = candidate.Agency,
            Theme = theme,
            Level = candidate.Level,
            ReasonCode = candidate.ReasonCode,
            Reason = candidate.Reason,
            Owner = EscalationLadder.OwnerAt(candidate.Level, theme),
            TriggerKey = candidate.TriggerKey,
            RaisedAt = now,
            DueBy = DueBy(candidate.Level, now),
        };
        db.Escalations.Add(escalation);
        Note(escalation, now, "escalation-raised", $"Escalated to level {escalation.Level} ({escalation.Owner}): {escalation.Reason}");
        outbox.Publish(new EscalationRaised(escalation.Id, escalation.TenantId, escalation.ReferralId, escalation.LegId, escalation.Agency, theme,
            escalation.Level, escalation.ReasonCode, escalation.Reason, escalation.Owner, now, escalation.DueBy));
        return escalation;
    }

    Escalation Climb(Escalation escalation, DateTimeOffset now)
    {
        var from = escalation.Level;
        escalation.Level++;
        escalation.Owner = EscalationLadder.OwnerAt(escalation.Level, escalation.Theme);
        escalation.DueBy = DueBy(escalation.Level, now);
        escalation.Version++;
        Note(escalation, now, "escalation-level-changed", $"Still unresolved: escalated from level {from} to level {escalation.Level} ({escalation.Owner}).");
        outbox.Publish(new EscalationLevelChanged(escalation.Id, escalation.TenantId, from, escalation.Level, "Unresolved when due", escalation.Owner, now, escalation.DueBy));
        return escalation;
    }

    /// <summary>Resolves an escalation with its outcome and tells the bus.</summary>
    public Escalation Resolve(Escalation escalation, string outcome, string resolvedBy, DateTimeOffset now)
    {
        escalation.ResolvedAt = now;
        escalation.ResolvedBy = resolvedBy;
        escalation.Outcome = outcome;
        escalation.Version++;
        Note(escalation, now, "escalation-resolved", $"Escalation resolved: {outcome}");
        outbox.Publish(new EscalationResolved(escalation.Id, escalation.TenantId, escalation.Level, outcome, resolvedBy, now));
        return escalation;
    }

    DateTimeOffset DueBy(int level, DateTimeOffset now) =>
        calendar.DeadlineFor(now, level == 1 ? options.Value.LevelTwoAfter : options.Value.LevelThreeAfter);

    void Note(Escalation escalation, DateTimeOffset now, string kind, string detail)
    {
        if (escalation.ReferralId is { } referralId)
        {
            db.Timeline.Add(new TimelineEntry
            {
                ReferralId = referralId,
                LegId = escalation.LegId,
                Agency = escalation.Agency,
                At = now,
                Actor = "Escalation ladder",
                Kind = kind,
                Detail = detail,
            });
        }
    }

    /// <summary>Saves one change; another replica's change to the same escalation wins and this one is dropped.</summary>
    async Task<bool> SaveAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Escalation {EscalationId} is at level {Level}{Resolved}", escalation.Id, escalation.Level, escalation.IsOpen ? "" : ", resolved");
            return true;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            logger.LogInformation(ex, "Escalation {TriggerKey} was changed by another scanner; leaving it", escalation.TriggerKey);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

public sealed record EscalationPass(int Raised, int Moved, int Resolved);
