using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Escalations;

/// <summary>
/// One pass of the escalation ladder at the current time: raises level 1 on an SLA breach and
/// level 2 on a decline corporate parents should not accept, moves unresolved escalations up a
/// level when they are due, and resolves SLA escalations the agency has since answered. Safe to
/// run on several replicas at once: an escalation's trigger key is unique and its level is
/// guarded by a concurrency token, so each is raised and moved once.
/// </summary>
public sealed class EscalationRunner(
    HubDbContext db,
    Outbox.Outbox outbox,
    WorkingCalendar calendar,
    IOptions<EscalationOptions> options,
    TimeProvider clock,
    ILogger<EscalationRunner> logger)
{
    public async Task<EscalationPass> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var raised = 0;
        foreach (var candidate in await CandidatesAsync(now, cancellationToken))
        {
            raised += await RaiseAsync(candidate, now, cancellationToken) ? 1 : 0;
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

            if (await MendedSinceAsync(escalation, cancellationToken) is { } outcome)
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

    public sealed record Candidate(string TriggerKey, int Level, string ReasonCode, string Reason, Guid ReferralId, Guid? LegId, Guid YoungPersonId, string TenantId, string Agency);

    async Task<List<Candidate>> CandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var legs = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            where leg.Status == Requested || leg.Status == Received || leg.Status == Rejected
            select new { leg.Id, leg.Agency, leg.Status, leg.ReasonCode, leg.StatusReason, referral.TenantId, ReferralId = referral.Id, referral.YoungPersonId, referral.CreatedAt })
            .ToListAsync(cancellationToken);
        var raisedKeys = (await db.Escalations.Select(e => e.TriggerKey).ToListAsync(cancellationToken)).ToHashSet();

        var candidates = new List<Candidate>();
        foreach (var leg in legs)
        {
            Candidate? candidate = null;
            if (leg.Status == Rejected)
            {
                if (options.Value.UnacceptableDeclines.GetValueOrDefault(leg.Agency, []).Contains(leg.ReasonCode))
                {
                    candidate = new Candidate($"decline:{leg.Id}", 2, EscalationReasons.UnacceptableDecline,
                        $"{leg.Agency} declined ({leg.ReasonCode}): {leg.StatusReason}", leg.ReferralId, leg.Id, leg.YoungPersonId, leg.TenantId, leg.Agency);
                }
            }
            else
            {
                var sla = options.Value.SlaFor(leg.TenantId, leg.Agency);
                var (code, days) = leg.Status == Requested
                    ? (EscalationReasons.NoAcknowledgement, sla.AcknowledgeWithin)
                    : (EscalationReasons.NoDecision, sla.DecideWithin);
                if (now > calendar.DeadlineFor(leg.CreatedAt, days))
                {
                    candidate = new Candidate($"sla:{code}:{leg.Id}", 1, code,
                        $"{leg.Agency} has not {(code == EscalationReasons.NoAcknowledgement ? "acknowledged" : "decided on")} the referral within {days} working days.",
                        leg.ReferralId, leg.Id, leg.YoungPersonId, leg.TenantId, leg.Agency);
                }
            }

            if (candidate is not null && !raisedKeys.Contains(candidate.TriggerKey))
            {
                candidates.Add(candidate);
            }
        }

        candidates.AddRange((await FactCandidatesAsync(now, cancellationToken)).Where(c => !raisedKeys.Contains(c.TriggerKey)));
        return candidates;
    }

    static readonly string[] Taken = [Accepted, InProgress, OnHold, Completed];

    /// <summary>The triggers besides SLAs: a sanction the PA has not answered, a release with nowhere to live, 18 with no probation.</summary>
    async Task<List<Candidate>> FactCandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var candidates = new List<Candidate>();

        var facts = await (
            from fact in db.LegFacts
            join referral in db.Referrals on fact.ReferralId equals referral.Id
            where (fact.Kind == LegFactKinds.SanctionProposed && fact.RespondedAt == null)
                || (fact.Kind == LegFactKinds.CustodyReleasePlanned && fact.Date >= today)
            select new { fact.Id, fact.Kind, fact.Date, fact.RecordedAt, fact.LegId, fact.Agency, referral.TenantId, ReferralId = referral.Id, referral.YoungPersonId })
            .ToListAsync(cancellationToken);
        var housedPeople = (await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            where leg.Agency == AgencyCodes.Housing && Taken.Contains(leg.Status)
            select referral.YoungPersonId).ToListAsync(cancellationToken)).ToHashSet();

        foreach (var fact in facts)
        {
            if (fact.Kind == LegFactKinds.SanctionProposed && now > calendar.DeadlineFor(fact.RecordedAt, settings.SanctionResponseWithin))
            {
                candidates.Add(new Candidate($"sanction:{fact.Id}", 2, EscalationReasons.SanctionWithoutPaResponse,
                    $"The Jobcentre proposed a sanction from {fact.Date:d MMMM yyyy} and the Personal Adviser has not answered within {settings.SanctionResponseWithin} working days.",
                    fact.ReferralId, fact.LegId, fact.YoungPersonId, fact.TenantId, fact.Agency));
            }
            else if (fact.Kind == LegFactKinds.CustodyReleasePlanned && fact.Date <= today.AddDays(settings.ReleaseAccommodationWithinDays) && !housedPeople.Contains(fact.YoungPersonId))
            {
                candidates.Add(new Candidate($"release:{fact.Id}", 1, EscalationReasons.ReleaseWithoutAccommodation,
                    $"Release from custody planned for {fact.Date:d MMMM yyyy} and no accommodation leg has been accepted.",
                    fact.ReferralId, null, fact.YoungPersonId, fact.TenantId, AgencyCodes.Housing));
            }
        }

        var turningEighteen = today.AddMonths(settings.ProbationBeforeEighteenMonths).AddYears(-18);
        var openToYos = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            join person in db.YoungPeople on referral.YoungPersonId equals person.Id
            where leg.Agency == AgencyCodes.Yos && Taken.Contains(leg.Status) && leg.Status != Completed
                && person.DateOfBirth <= turningEighteen && person.DateOfBirth > today.AddYears(-18)
                && !db.Legs.Any(p => p.Agency == AgencyCodes.Probation && Taken.Contains(p.Status)
                    && db.Referrals.Any(r => r.Id == p.ReferralId && r.YoungPersonId == person.Id))
            select new { referral.TenantId, ReferralId = referral.Id, person.Id, person.DateOfBirth })
            .ToListAsync(cancellationToken);
        candidates.AddRange(openToYos.DistinctBy(p => p.Id).Select(p => new Candidate($"eighteen:{p.Id}", 1, EscalationReasons.EighteenWithoutProbation,
            $"Turns 18 on {p.DateOfBirth.AddYears(18):d MMMM yyyy}, is open to the youth offending service and has no accepted probation leg.",
            p.ReferralId, null, p.Id, p.TenantId, AgencyCodes.Probation)));

        // The recipient's service is inside the leg's JSON column, so NHS legs near 18 are sorted in memory.
        var nhsNearEighteen = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            join person in db.YoungPeople on referral.YoungPersonId equals person.Id
            where leg.Agency == AgencyCodes.Nhs && Taken.Contains(leg.Status)
                && person.DateOfBirth <= turningEighteen && person.DateOfBirth > today.AddYears(-18)
            select new { leg.Recipient, leg.Status, referral.TenantId, ReferralId = referral.Id, person.Id, person.DateOfBirth })
            .ToListAsync(cancellationToken);
        candidates.AddRange(nhsNearEighteen
            .GroupBy(l => l.Id)
            .Where(person => person.Any(l => l.Recipient.Service == OrganisationServices.Camhs && l.Status != Completed)
                && !person.Any(l => l.Recipient.Service == OrganisationServices.AdultMentalHealth))
            .Select(person => person.First(l => l.Recipient.Service == OrganisationServices.Camhs))
            .Select(p => new Candidate($"eighteen-mental-health:{p.Id}", 1, EscalationReasons.EighteenWithoutAdultMentalHealth,
                $"Turns 18 on {p.DateOfBirth.AddYears(18):d MMMM yyyy}, is open to CAMHS and has no accepted adult mental health leg.",
                p.ReferralId, null, p.Id, p.TenantId, AgencyCodes.Nhs)));
        return candidates;
    }

    /// <summary>Raises one escalation; false when another scanner raised it first.</summary>
    public async Task<bool> RaiseAsync(Candidate candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var theme = EscalationThemes.For(candidate.Agency);
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
        return await SaveAsync(escalation, cancellationToken);
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

    /// <summary>What has since mended the cause of an automatic escalation, or null while it stands.</summary>
    async Task<string?> MendedSinceAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        switch (escalation.ReasonCode)
        {
            case EscalationReasons.NoAcknowledgement or EscalationReasons.NoDecision when escalation.LegId is { } legId:
                var status = await db.Legs.Where(l => l.Id == legId).Select(l => l.Status).SingleAsync(cancellationToken);
                var waiting = escalation.ReasonCode == EscalationReasons.NoAcknowledgement ? status == Requested : status is Requested or Received;
                return waiting ? null : $"The agency answered: the leg is {status}.";
            case EscalationReasons.SanctionWithoutPaResponse when escalation.LegId is { } legId:
                var answered = await db.LegFacts.AnyAsync(f => f.LegId == legId && f.Kind == LegFactKinds.SanctionProposed && f.RespondedAt != null, cancellationToken);
                return answered ? "The Personal Adviser answered the proposed sanction." : null;
            case EscalationReasons.ReleaseWithoutAccommodation:
                return await HasTakenLegAsync(escalation.YoungPersonId, AgencyCodes.Housing, cancellationToken) ? "An accommodation leg has been accepted." : null;
            case EscalationReasons.EighteenWithoutProbation:
                return await HasTakenLegAsync(escalation.YoungPersonId, AgencyCodes.Probation, cancellationToken) ? "A probation leg has been accepted." : null;
            default:
                return null;
        }
    }

    Task<bool> HasTakenLegAsync(Guid youngPersonId, string agency, CancellationToken cancellationToken) =>
        db.Legs.AnyAsync(l => l.Agency == agency && Taken.Contains(l.Status) && db.Referrals.Any(r => r.Id == l.ReferralId && r.YoungPersonId == youngPersonId), cancellationToken);

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
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex))
        {
            logger.LogInformation(ex, "Escalation {TriggerKey} was changed by another scanner; leaving it", escalation.TriggerKey);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        _ => false,
    };
}

public sealed record EscalationPass(int Raised, int Moved, int Resolved);
