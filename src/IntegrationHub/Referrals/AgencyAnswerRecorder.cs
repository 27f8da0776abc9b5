using System.Globalization;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Notifications;
using IntegrationHub.Outbox;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Referrals;

/// <summary>
/// Records an agency's answer on its leg, however it arrived (bus, HTTP, FHIR). An answer already
/// handled changes nothing; an answer the lifecycle does not allow is refused and recorded on the
/// timeline, never applied; an agency's news that does not move the leg (a sanction proposed, a
/// release date) goes on the timeline. A delivery attempt that failed for a reason that may pass keeps the leg waiting
/// and sends it again later, until the adapters' delivery retry budget is spent.
/// </summary>
public sealed class AgencyAnswerRecorder(
    HubDbContext db,
    TenantScope tenants,
    AuditLog audit,
    AgencyDefinitions agencies,
    Outbox.Outbox outbox,
    LegMessages messages,
    IOptions<AdapterOptions> adapters,
    TimeProvider clock,
    ILogger<AgencyAnswerRecorder> logger)
{
    const string InboxName = "agency-answers";

    /// <summary>The audit's resource type of an agency's answer on a leg.</summary>
    public const string AuditedAnswer = "agency-answer";

    /// <summary>Tries to record an answer this many times when other answers keep changing its leg or referral meanwhile.</summary>
    const int Attempts = 5;

    /// <param name="source">
    /// Who answers. A signed-in agency caller knows only the legs addressed to its own organisation in
    /// its own local authority: any other leg is unknown to it. An answer on the bus is looked for in every
    /// tenant, and is refused, changing nothing, unless it comes from the organisation its leg is addressed to.
    /// </param>
    public async Task<AnswerOutcome> RecordAsync(ILegAnswer answer, AnswerSource source, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordOnceAsync(answer, source, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another answer changed the leg or its referral since they were read: start again from what is stored now.
                logger.LogInformation("Answer {AnswerId} for leg {LegId} met a concurrent change; recording it again (attempt {Attempt})", answer.AnswerId, answer.LegId, attempt + 1);
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50 * attempt)), cancellationToken);
            }
        }
    }

    async Task<AnswerOutcome> RecordOnceAsync(ILegAnswer answer, AnswerSource source, CancellationToken cancellationToken)
    {
        if (source.Caller is null && db.Database.IsNpgsql())
        {
            // A referral's agencies answer together, and each answer changes the referral: on PostgreSQL the bus's answers
            // take the referral's row in turn, found, locked and read with its legs by the one statement, instead of losing
            // to each other on its version and starting again. A person's answer (rare) finds its leg among the caller's
            // own legs, and keeps the version check.
            tenants.SpanAllTenants("an agency answer from the bus");
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var locked = await db.Referrals
                .FromSql($"SELECT r.* FROM referrals r WHERE r.\"Id\" = (SELECT l.\"ReferralId\" FROM legs l WHERE l.\"Id\" = {answer.LegId}) FOR UPDATE")
                .Include(r => r.Legs)
                .SingleOrDefaultAsync(cancellationToken);
            if (locked is null)
            {
                return AnswerOutcome.UnknownLeg;
            }

            var recorded = await RecordOnReferralAsync(locked, answer, source, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return recorded;
        }

        var legs = db.Legs.AsQueryable();
        if (source.Caller is { } caller)
        {
            tenants.Enter(caller.TenantId);
            legs = legs.Where(Leg.AddressedTo(caller));
        }
        else
        {
            tenants.SpanAllTenants("an agency answer from the bus");
        }

        var referral = await db.Referrals.Include(r => r.Legs)
            .SingleOrDefaultAsync(r => legs.Any(l => l.Id == answer.LegId && l.ReferralId == r.Id), cancellationToken);
        return referral is null ? AnswerOutcome.UnknownLeg : await RecordOnReferralAsync(referral, answer, source, cancellationToken);
    }

    async Task<AnswerOutcome> RecordOnReferralAsync(Referral referral, ILegAnswer answer, AnswerSource source, CancellationToken cancellationToken)
    {
        var leg = referral.Leg(answer.LegId)!;
        if (source.Caller is null && source.Organisation != leg.Recipient.Code)
        {
            var wrongOrganisation = source.Organisation is null
                ? $"The answer for leg {leg.Id} does not say which organisation sent it; only {leg.Recipient.Code}, the organisation the leg is addressed to, may answer it."
                : $"The answer for leg {leg.Id} came from organisation '{source.Organisation}', but the leg is addressed to '{leg.Recipient.Code}'.";
            logger.LogWarning("Answer {AnswerId} for leg {LegId} refused: {Refusal}", answer.AnswerId, leg.Id, wrongOrganisation);
            return AnswerOutcome.WrongOrganisation(wrongOrganisation);
        }

        // Whether the answer was handled already, and the leg's held answers in the order the agency sent them (this one
        // among them, or those it may make way for): read together, in one statement.
        var seen = await db.Legs.Where(l => l.Id == leg.Id).Select(l => new
        {
            Handled = db.Inbox.Any(i => i.Consumer == InboxName && i.MessageKey == answer.AnswerId),
            Held = db.HeldAnswers.Where(h => h.LegId == l.Id).OrderBy(h => h.AnsweredAt).ThenBy(h => h.HeldAt).ToList(),
        }).SingleAsync(cancellationToken);
        if (seen.Handled)
        {
            logger.LogInformation("Answer {AnswerId} for leg {LegId} was already recorded", answer.AnswerId, answer.LegId);
            return AnswerOutcome.AlreadyRecorded;
        }

        var held = seen.Held;
        if (held.Any(h => h.AnswerId == answer.AnswerId))
        {
            logger.LogInformation("Answer {AnswerId} for leg {LegId} is held already, waiting for the leg's earlier step", answer.AnswerId, answer.LegId);
            return AnswerOutcome.Held;
        }

        // Times are kept in UTC; an agency that says nothing of the time is taken to mean now.
        var at = answer.AnsweredAt == default ? clock.GetUtcNow() : answer.AnsweredAt.ToUniversalTime();
        if (source.Caller is null && WaitsForEarlierStep(leg, answer))
        {
            // The bus may deliver an answer before the one it follows; a person answering over HTTPS is told at once instead.
            db.HeldAnswers.Add(HeldAnswer.Of(answer, referral.TenantId, source.Organisation, at, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Answer {AnswerId} for leg {LegId} is held until the leg's earlier step arrives; the leg is {Status}", answer.AnswerId, leg.Id, leg.Status);
            return AnswerOutcome.Held;
        }

        var outcome = answer is LegDeliveryAttemptFailed attempt && attempt.Agency == leg.Agency
            ? await RetryAsync(referral, leg, attempt, at, cancellationToken)
            : Settle(referral, leg, answer, at);
        Conclude(referral, leg, answer, outcome);
        if (outcome.Refusal is null)
        {
            ApplyHeldAnswers(referral, leg, held);
        }

        if (source.Caller is { } answering)
        {
            // A person's answer (REST, FHIR, the partner pages) writes to the young person's record: audited with it, on the leg's lawful basis.
            await audit.RecordAsync(answering, [Audited.Write(AuditedAnswer, leg.Id, referral.YoungPersonId, leg.LawfulBasis.Basis)], cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        if (outcome.Refusal is { } refusal)
        {
            logger.LogWarning("Answer {AnswerId} for leg {LegId} refused: {Refusal}", answer.AnswerId, leg.Id, refusal);
        }
        else
        {
            // Per answer, and the timeline records it: at Information every answer would queue for the console.
            logger.LogDebug("Answer {AnswerId} recorded; leg {LegId} of referral {ReferralId} is {Status}", answer.AnswerId, leg.Id, referral.Id, leg.Status);
        }

        return outcome;
    }

    /// <summary>Applies the answer, or refuses it on the timeline.</summary>
    AnswerOutcome Settle(Referral referral, Leg leg, ILegAnswer answer, DateTimeOffset at) =>
        answer.Agency != leg.Agency
            ? Refuse(referral, leg, ChangeFor(answer, at) ?? new LegChange(leg.Status, answer.AnsweredBy, at), $"The answer came from '{answer.Agency}', but the leg is for '{leg.Agency}'.")
            : ChangeFor(answer, at) is { } change
                ? Apply(referral, leg, change, answer)
                : Note(referral, leg, answer, at);

    /// <summary>
    /// Within the retry budget, counted from the leg's latest sending (made, or resent by an operator), the failed attempt
    /// goes on the timeline, the leg keeps its status, and the leg is staged to go again once the next interval has passed;
    /// an attempt that leaves no room for another within the budget fails the leg, saying how long and how often it was tried.
    /// </summary>
    async Task<AnswerOutcome> RetryAsync(Referral referral, Leg leg, LegDeliveryAttemptFailed attempt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (leg.Status != Requested)
        {
            // Cancelled, or answered by the agency, meanwhile: there is nothing left to deliver.
            return Refuse(referral, leg, new LegChange(leg.Status, attempt.AnsweredBy, at),
                $"A failed delivery attempt is not retried on a {leg.Status} leg: {attempt.Reason}");
        }

        var sending = await db.Timeline
            .Where(e => e.LegId == leg.Id && (e.Kind == TimelineKinds.LegRequested || e.Kind == TimelineKinds.LegResent))
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.At })
            .FirstOrDefaultAsync(cancellationToken);
        var since = sending?.At ?? referral.CreatedAt;
        var failed = 1 + await db.Timeline.CountAsync(e => e.LegId == leg.Id && e.Kind == TimelineKinds.DeliveryRetrying && e.Id > (sending == null ? 0 : sending.Id), cancellationToken);
        var now = clock.GetUtcNow();
        var retry = adapters.Value.Delivery;
        var next = now + retry.IntervalAfter(failed);
        if (next > since + retry.RetryBudget)
        {
            var reason = $"Not delivered in {Duration(now - since)}, after {failed} attempts; the last failed: {attempt.Reason}";
            logger.LogWarning("Leg {LegId} fails: its delivery retry budget is spent. {Reason}", leg.Id, reason);
            return referral.ChangeLeg(leg, new LegChange(Failed, attempt.AnsweredBy, at, reason)) is { } refusal ? AnswerOutcome.Refused(refusal) : AnswerOutcome.Applied;
        }

        referral.NoteDeliveryRetry(leg, attempt.AnsweredBy, at, $"Delivery attempt {failed} failed: {attempt.Reason} Trying again at {next.UtcDateTime:HH:mm} UTC on {Date(DateOnly.FromDateTime(next.UtcDateTime))}.");
        var person = await db.YoungPeople.SingleAsync(p => p.Id == referral.YoungPersonId, cancellationToken);
        var plan = await db.PlanVersions.SingleAsync(v => v.Id == referral.PlanVersionId, cancellationToken);
        outbox.SendForLeg(messages.Requested(referral, leg, person, plan), leg.Id, Endpoints.AdapterQueue(leg.Agency), notBefore: next);
        logger.LogInformation("Leg {LegId}: delivery attempt {Attempt} failed; sending again at {NextAttemptAt}", leg.Id, failed, next);
        return AnswerOutcome.Applied;
    }

    /// <summary>A span of time as the timeline says it: 12 hours 5 minutes, 40 minutes, 30 seconds.</summary>
    static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} hours {span.Minutes} minutes"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} minutes"
        : $"{(int)span.TotalSeconds} seconds";

    /// <summary>
    /// Whether the leg can take the answer only after a step still to come: started before it was accepted, completed
    /// before it was started, a housing duty before the acceptance it follows. (A decision on a leg never acknowledged
    /// implies the acknowledgement, and applies at once.)
    /// </summary>
    static bool WaitsForEarlierStep(Leg leg, ILegAnswer answer) =>
        answer.Agency == leg.Agency
        && (ChangeFor(answer, default) is { } change
            ? !(leg.Status == Requested && change.To is Accepted or Rejected) && LegLifecycle.IsLaterStep(leg.Status, change.To)
            : answer is HousingDutyAccepted && leg.Status is Requested or Received);

    /// <summary>What every recorded answer leaves besides its effect: the referrer's notice, and its inbox entry so that it has no second effect.</summary>
    void Conclude(Referral referral, Leg leg, ILegAnswer answer, AnswerOutcome outcome)
    {
        if (outcome.Refusal is null && ReferrerNotices.For(referral, leg, answer, clock.GetUtcNow(), agencies) is { } notice)
        {
            db.Notifications.Add(notice);
        }

        db.Inbox.Add(new InboxEntry { Consumer = InboxName, MessageKey = answer.AnswerId, HandledAt = clock.GetUtcNow() });
    }

    /// <summary>
    /// Applies, in the order the agency sent them, the held answers the leg can take now that it has moved on, each
    /// step making way for the next; one the leg can no longer take (it went another way, or ended) is refused on the timeline.
    /// </summary>
    void ApplyHeldAnswers(Referral referral, Leg leg, List<HeldAnswer> held)
    {
        for (var moved = held.Count > 0; moved;)
        {
            moved = false;
            foreach (var waiting in held.ToList())
            {
                var answer = waiting.Read();
                if (WaitsForEarlierStep(leg, answer))
                {
                    continue;
                }

                var outcome = Settle(referral, leg, answer, waiting.AnsweredAt);
                held.Remove(waiting);
                db.HeldAnswers.Remove(waiting);
                Conclude(referral, leg, answer, outcome);
                logger.LogInformation("Held answer {AnswerId} for leg {LegId} {Outcome}; the leg is {Status}", answer.AnswerId, leg.Id, outcome.Kind, leg.Status);
                moved |= outcome.Refusal is null;
            }
        }
    }

    AnswerOutcome Apply(Referral referral, Leg leg, LegChange change, ILegAnswer answer)
    {
        if (change.To == Received && leg.Status != Requested)
        {
            // An acknowledgement overtaken by the agency's decision says nothing new.
            logger.LogInformation("Late acknowledgement {AnswerId} for leg {LegId} ignored: the leg is already {Status}", answer.AnswerId, leg.Id, leg.Status);
            return AnswerOutcome.Applied;
        }

        // A decision on a leg never acknowledged implies the agency received it.
        if (leg.Status == Requested && change.To is Accepted or Rejected)
        {
            referral.ChangeLeg(leg, change with { To = Received, Reason = null, ReasonCode = null, Outcome = null });
        }

        return referral.ChangeLeg(leg, change) is { } refusal ? AnswerOutcome.Refused(refusal) : AnswerOutcome.Applied;
    }

    static AnswerOutcome Refuse(Referral referral, Leg leg, LegChange change, string refusal)
    {
        referral.RefuseLegChange(leg, change, refusal);
        return AnswerOutcome.Refused(refusal);
    }

    static (string Kind, DateOnly Date)? Fact(ILegAnswer answer) => answer switch
    {
        CustodyReleasePlanned a => (LegFactKinds.CustodyReleasePlanned, a.ReleaseDate),
        TransitionToProbationDue a => (LegFactKinds.TransitionToProbationDue, a.DueDate),
        SanctionProposed a => (LegFactKinds.SanctionProposed, a.ProposedDate),
        _ => null,
    };

    AnswerOutcome Note(Referral referral, Leg leg, ILegAnswer answer, DateTimeOffset at)
    {
        if (answer is HousingDutyAccepted && leg.Status is not (Accepted or InProgress or OnHold or Completed))
        {
            return Refuse(referral, leg, new LegChange(leg.Status, answer.AnsweredBy, at), $"A housing duty cannot be recorded on a {leg.Status} leg: it follows an acceptance.");
        }

        referral.NoteAgencyUpdate(leg, answer.AnsweredBy, at, Describe(answer));
        if (Fact(answer) is { } fact)
        {
            db.LegFacts.Add(new LegFact
            {
                Id = Guid.NewGuid(),
                LegId = leg.Id,
                ReferralId = referral.Id,
                TenantId = referral.TenantId,
                Agency = leg.Agency,
                Kind = fact.Kind,
                Date = fact.Date,
                RecordedAt = at,
            });
        }

        return AnswerOutcome.Applied;
    }

    /// <summary>The status change an answer asks for, or null for news that leaves the status as it is.</summary>
    public static LegChange? ChangeFor(ILegAnswer answer, DateTimeOffset at) => answer switch
    {
        LegAcknowledged a => new LegChange(Received, a.AnsweredBy, at, AgencyReference: a.AgencyReference),
        LegAccepted a => new LegChange(Accepted, a.AnsweredBy, at, Reason: a.Note),
        LegDeclined a => new LegChange(Rejected, a.AnsweredBy, at, a.Reason, a.ReasonCode),
        LegStarted a => new LegChange(InProgress, a.AnsweredBy, at, Reason: a.Note),
        LegPutOnHold a => new LegChange(OnHold, a.AnsweredBy, at, a.Reason),
        LegCompleted a => new LegChange(Completed, a.AnsweredBy, at, Outcome: a.Outcome),
        LegDeliveryFailed a => new LegChange(Failed, a.AnsweredBy, at, a.Reason),
        _ => null,
    };

    static string Describe(ILegAnswer answer) => answer switch
    {
        HousingDutyAccepted a => $"Housing duty owed: {a.Duty}" + (a.CaseReference is null ? "" : $" (case {a.CaseReference})"),
        AppointmentBooked a => $"Appointment booked for {a.AppointmentAt.ToString("f", CultureInfo.GetCultureInfo("en-GB"))} at {a.Location}",
        ClaimUpdated a => $"Claim update: {a.Text}",
        SanctionProposed a => $"Sanction proposed from {Date(a.ProposedDate)}: {a.Reason}. The Jobcentre must speak to the Personal Adviser first.",
        SanctionDecided a => $"Sanction decision: {a.Decision}" + (a.Text is null ? "" : $": {a.Text}"),
        CustodyReleasePlanned a => $"Release from custody planned for {Date(a.ReleaseDate)}",
        SupervisionEnded a => $"Supervision ended on {Date(a.EndedOn)}: {a.Reason}",
        TransitionToProbationDue a => $"Transition to probation due on {Date(a.DueDate)}",
        _ => answer.GetType().Name,
    };

    static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

public sealed record AnswerOutcome(string Kind, string? Refusal = null)
{
    public static readonly AnswerOutcome Applied = new("applied");
    public static readonly AnswerOutcome AlreadyRecorded = new("already-recorded");
    public static readonly AnswerOutcome UnknownLeg = new("unknown-leg");

    /// <summary>Kept until the leg's earlier step arrives (<see cref="HeldAnswer"/>), then applied.</summary>
    public static readonly AnswerOutcome Held = new("held");

    public static AnswerOutcome Refused(string refusal) => new("refused", refusal);

    /// <summary>An answer on the bus from an organisation the leg is not addressed to: not recorded at all.</summary>
    public static AnswerOutcome WrongOrganisation(string refusal) => new(WrongOrganisationKind, refusal);

    public const string WrongOrganisationKind = "wrong-organisation";
}

/// <summary>
/// Where an agency answer comes from: a signed-in agency caller (the REST API, the FHIR facade, the
/// partner inbox), or the hub's bus, with the organisation a trusted process says answered (see
/// <see cref="Adapters.Channels.AnsweringOrganisation"/>), if it said.
/// </summary>
public sealed record AnswerSource
{
    AnswerSource(HubUser? caller, string? organisation) => (Caller, Organisation) = (caller, organisation);

    public HubUser? Caller { get; }

    public string? Organisation { get; }

    public static AnswerSource SignedIn(HubUser caller) => new(caller, caller.Organisation);

    public static AnswerSource Bus(string? organisation) => new(null, organisation);
}
