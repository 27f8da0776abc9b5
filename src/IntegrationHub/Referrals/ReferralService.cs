using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Outcomes;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using ReferralOutcome = IntegrationHub.Outcomes.Outcome<IntegrationHub.Referrals.ReferralDetails>;

namespace IntegrationHub.Referrals;

/// <summary>
/// A Personal Adviser's referrals in their local authority: making one (through the <see cref="ReferralMaker"/>),
/// reading them, cancelling a referral or one of its legs, and answering a proposed sanction. Each read is audited,
/// and each write is audited with it, in one transaction; a write that answers with the referral's details is
/// audited as a read of them too.
/// </summary>
public sealed class ReferralService(HubDbContext db, Outbox.Outbox outbox, AuditLog audit, TimeProvider clock, LegMessages messages, ReferralMaker maker)
{
    const string Resource = "referral";

    /// <summary>
    /// The maker adds the referral to the unit of work and its audit entry is saved with it, in one save: both commit, or
    /// neither does. An idempotent request's save is in its transaction, with its key.
    /// </summary>
    public async Task<Outcome<ReferralAccepted>> MakeAsync(MakeReferral request, HubUser user, CancellationToken cancellationToken)
    {
        var (referral, errors) = await maker.AddAsync(request, user, cancellationToken);
        if (referral is null)
        {
            return new Outcome<ReferralAccepted>.Invalid(errors);
        }

        await audit.RecordAsync(user, [Audited.Write(Resource, referral.Id, referral.YoungPersonId, AuditBases.PublicTask)], cancellationToken);
        return new Outcome<ReferralAccepted>.Done(new ReferralAccepted(
            referral.Id, referral.Status, [.. referral.Legs.Select(l => new LegSummary(l.Id, l.Agency, l.Status))]));
    }

    /// <summary>
    /// Each agency's message exactly as <see cref="MakeAsync"/> would send it, storing and sending nothing. The messages
    /// carry the young person's details and the plan version's sections: audited as reads of both.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<LegRequested>>> PreviewAsync(MakeReferral request, HubUser user, CancellationToken cancellationToken)
    {
        var (draft, errors) = await maker.DraftAsync(request, user, cancellationToken);
        if (draft is null)
        {
            return new Outcome<IReadOnlyList<LegRequested>>.Invalid(errors);
        }

        var personId = draft.Referral.YoungPersonId;
        await audit.RecordAsync(
            user,
            [
                Audited.Read("young-person", personId, personId, AuditBases.PublicTask),
                Audited.Read("pathway-plan", draft.Referral.PlanVersionId, personId, AuditBases.PublicTask),
            ],
            cancellationToken);
        return new Outcome<IReadOnlyList<LegRequested>>.Done(draft.Messages);
    }

    public async Task<List<ReferralDetails>> ListAsync(Guid? youngPersonId, HubUser user, CancellationToken cancellationToken)
    {
        IQueryable<Referral> query = db.Referrals.Include(r => r.Legs).Include(r => r.Timeline);
        if (youngPersonId is not null)
        {
            query = query.Where(r => r.YoungPersonId == youngPersonId);
        }

        var referrals = await query.OrderByDescending(r => r.CreatedAt).Take(200).AsSplitQuery().ToListAsync(cancellationToken);
        await audit.RecordReadsAsync(user, Resource, referrals.Select(r => r.YoungPersonId).Distinct(), AuditBases.PublicTask, cancellationToken);
        return [.. referrals.Select(ReferralDetails.From)];
    }

    public async Task<ReferralDetails?> GetAsync(Guid id, HubUser user, CancellationToken cancellationToken)
    {
        var referral = await FindInTenantAsync(id, user, cancellationToken);
        if (referral is null)
        {
            return null;
        }

        await audit.RecordReadAsync(user, Resource, referral.Id, referral.YoungPersonId, AuditBases.PublicTask, cancellationToken);
        return ReferralDetails.From(referral);
    }

    public async Task<ReferralOutcome> CancelReferralAsync(Guid id, CancelRequest request, HubUser user, CancellationToken cancellationToken)
    {
        if (Validate(request) is { Any: true } errors)
        {
            return new ReferralOutcome.Invalid(errors);
        }

        var referral = await FindInTenantAsync(id, user, cancellationToken);
        if (referral is null)
        {
            return new ReferralOutcome.NotFound();
        }

        var open = referral.Legs.Where(referral.CanCancel).ToList();
        if (open.Count == 0)
        {
            return new ReferralOutcome.Conflict("Nothing to cancel", "Every leg of this referral has already ended.");
        }

        await StageCancellationAsync(referral, open, request, user, cancellationToken);
        await audit.RecordAsync(user, [Audited.Write("referral-cancellation", referral.Id, referral.YoungPersonId, AuditBases.PublicTask), ReadOfDetails(referral)], cancellationToken);
        return new ReferralOutcome.Done(ReferralDetails.From(referral));
    }

    /// <summary>A leg that has already ended is not cancelled: the refusal is noted on the referral's timeline.</summary>
    public async Task<ReferralOutcome> CancelLegAsync(Guid id, Guid legId, CancelRequest request, HubUser user, CancellationToken cancellationToken)
    {
        if (Validate(request) is { Any: true } errors)
        {
            return new ReferralOutcome.Invalid(errors);
        }

        var referral = await FindInTenantAsync(id, user, cancellationToken);
        if (referral?.Leg(legId) is not { } leg)
        {
            return new ReferralOutcome.NotFound();
        }

        if (!referral.CanCancel(leg))
        {
            // The refusal and the reason given for the attempt are kept on the timeline: a write of its own.
            referral.RefuseLegChange(leg, Change(request, user), $"A {leg.Status} leg cannot be cancelled.");
            await audit.RecordAsync(user, [Audited.Write("leg-cancellation-refused", leg.Id, referral.YoungPersonId, AuditBases.PublicTask)], cancellationToken);
            return new ReferralOutcome.Conflict("The leg cannot be cancelled", $"The leg is {leg.Status}; it has already ended.");
        }

        await StageCancellationAsync(referral, [leg], request, user, cancellationToken);
        await audit.RecordAsync(user, [Audited.Write("leg-cancellation", leg.Id, referral.YoungPersonId, AuditBases.PublicTask), ReadOfDetails(referral)], cancellationToken);
        return new ReferralOutcome.Done(ReferralDetails.From(referral));
    }

    /// <summary>The PA's answer to a sanction the Jobcentre proposed: the Jobcentre must hear from them before it decides.</summary>
    public async Task<ReferralOutcome> AnswerSanctionAsync(Guid id, Guid legId, SanctionResponse request, HubUser user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Response))
        {
            var errors = new FieldErrors();
            errors.Add("response", "Say what you told the Jobcentre about the proposed sanction.");
            return new ReferralOutcome.Invalid(errors);
        }

        var referral = await FindInTenantAsync(id, user, cancellationToken);
        if (referral?.Leg(legId) is not { } leg)
        {
            return new ReferralOutcome.NotFound();
        }

        var proposed = await db.LegFacts
            .Where(f => f.LegId == legId && f.Kind == LegFactKinds.SanctionProposed && f.RespondedAt == null)
            .ToListAsync(cancellationToken);
        if (proposed.Count == 0)
        {
            return new ReferralOutcome.Conflict("No sanction to answer", "No proposed sanction on this leg is waiting for your answer.");
        }

        var now = clock.GetUtcNow();
        foreach (var fact in proposed)
        {
            fact.RespondedAt = now;
            fact.Response = request.Response;
        }

        referral.NoteAgencyUpdate(leg, user.Name, now, $"Personal Adviser answered the proposed sanction: {request.Response}");
        await audit.RecordAsync(
            user,
            [Audited.Write("sanction-response", leg.Id, referral.YoungPersonId, AuditBases.PublicTask), ReadOfDetails(referral)],
            cancellationToken);
        return new ReferralOutcome.Done(ReferralDetails.From(referral));
    }

    static FieldErrors Validate(CancelRequest request)
    {
        var errors = new FieldErrors();
        errors.Text("reason", request.Reason, 2000);
        if (request.Kind is not null && !CancelRequest.Kinds.Contains(request.Kind))
        {
            errors.Add("kind", $"'kind' must be one of: {string.Join(", ", CancelRequest.Kinds)}.");
        }

        return errors;
    }

    LegChange Change(CancelRequest request, HubUser user) =>
        new(LegStatusCodes.Cancelled, user.Name, clock.GetUtcNow(), request.Reason, request.Kind ?? CancellationKinds.CircumstancesChanged);

    /// <summary>The referral's details in an answer: its timeline holds the agencies' words and the Personal Adviser's.</summary>
    static Audited ReadOfDetails(Referral referral) => Audited.Read(Resource, referral.Id, referral.YoungPersonId, AuditBases.PublicTask);

    /// <summary>
    /// Cancels the legs and tells each agency, with the leg as it was sent so the agency can match it. The request's kind
    /// is not checked: the caller chose it. Nothing is saved: the caller saves the cancellations with what caused them, in one transaction.
    /// </summary>
    public async Task StageCancellationAsync(Referral referral, IReadOnlyList<Leg> legs, CancelRequest request, HubUser user, CancellationToken cancellationToken)
    {
        var person = await db.YoungPeople.SingleAsync(p => p.Id == referral.YoungPersonId, cancellationToken);
        var plan = await db.PlanVersions.SingleAsync(v => v.Id == referral.PlanVersionId, cancellationToken);
        var change = Change(request, user);
        foreach (var leg in legs)
        {
            referral.ChangeLeg(leg, change);
            outbox.SendForLeg(
                LegMessages.Cancelled(referral, leg, change, messages.Requested(referral, leg, person, plan)),
                leg.Id,
                Endpoints.AdapterQueue(leg.Agency));
        }
    }

    Task<Referral?> FindInTenantAsync(Guid id, HubUser user, CancellationToken cancellationToken) =>
        db.Referrals
            .Include(r => r.Legs)
            .Include(r => r.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
}
