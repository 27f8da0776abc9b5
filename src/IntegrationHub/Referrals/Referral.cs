using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Referrals;

/// <summary>
/// One referral from a pathway plan version to several agencies: the aggregate that owns its legs
/// and its timeline, and the only place a leg's status changes.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; init; }
    public required string TenantId { get; init; }
    public Guid YoungPersonId { get; init; }
    public Guid PlanVersionId { get; init; }
    public int PlanVersionNumber { get; init; }

    /// <summary>The Personal Adviser's own title of the referral, for the hub's users; no agency is sent it (each leg has its own <see cref="Leg.Reason"/>).</summary>
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Sections { get; init; }
    public required string ReferrerId { get; init; }
    public required string ReferrerName { get; init; }
    public string? ReferrerEmail { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string Status { get; set; }
    public List<Leg> Legs { get; init; } = [];
    public List<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>
    /// Optimistic concurrency: answers to two legs at once each roll the referral's status up from the legs they
    /// read, so the second to save is refused and tried again, never leaving a status that misses the first.
    /// </summary>
    public int Version { get; set; }

    public Leg? Leg(Guid legId) => Legs.FirstOrDefault(l => l.Id == legId);

    /// <summary>
    /// Applies the change if the lifecycle allows it; either way the attempt is on the timeline.
    /// Returns why it was refused, or null when applied.
    /// </summary>
    public string? ChangeLeg(Leg leg, LegChange change)
    {
        if (LegLifecycle.Refusal(leg.Status, change) is { } refusal)
        {
            RefuseLegChange(leg, change, refusal);
            return refusal;
        }

        AddToTimeline(leg, change, TimelineKinds.StatusChanged, change.Reason ?? change.Outcome);
        leg.Status = change.To;
        leg.UpdatedAt = change.At;
        leg.NoteAnswered(change.To, change.At);
        leg.StatusReason = change.Reason ?? leg.StatusReason;
        leg.ReasonCode = change.ReasonCode ?? leg.ReasonCode;
        leg.Outcome = change.Outcome ?? leg.Outcome;
        leg.AgencyReference = change.AgencyReference ?? leg.AgencyReference;
        leg.Version++;
        Version++;
        Status = ReferralStatus.RollUp([.. Legs.Select(l => l.Status)]);
        return null;
    }

    /// <summary>Records an agency's news about a leg that does not change its status.</summary>
    public void NoteAgencyUpdate(Leg leg, string actor, DateTimeOffset at, string detail) => Note(leg, actor, at, TimelineKinds.AgencyUpdate, detail);

    /// <summary>Records a delivery attempt that failed for a reason that may pass: the leg keeps its status, and is sent again.</summary>
    public void NoteDeliveryRetry(Leg leg, string actor, DateTimeOffset at, string detail) => Note(leg, actor, at, TimelineKinds.DeliveryRetrying, detail);

    /// <summary>
    /// An operator sends a failed leg again: it is requested once more, its failure reason no longer current, and its
    /// delivery starts afresh. The caller stages the leg's message.
    /// </summary>
    /// <exception cref="InvalidOperationException">The leg has not failed.</exception>
    public void ResendLeg(Leg leg, string actor, DateTimeOffset at)
    {
        if (!LegLifecycle.CanResend(leg.Status))
        {
            throw new InvalidOperationException($"Leg {leg.Id} is {leg.Status}; only a failed leg is resent.");
        }

        AddToTimeline(leg, new LegChange(LegStatusCodes.Requested, actor, at), TimelineKinds.LegResent, $"Resent by {actor} to {leg.Recipient.Name}");
        leg.Status = LegStatusCodes.Requested;
        leg.UpdatedAt = at;
        leg.StatusReason = null;
        leg.Version++;
        Version++;
        Status = ReferralStatus.RollUp([.. Legs.Select(l => l.Status)]);
    }

    void Note(Leg leg, string actor, DateTimeOffset at, string kind, string detail) => Timeline.Add(new TimelineEntry
    {
        ReferralId = Id,
        LegId = leg.Id,
        Agency = leg.Agency,
        At = at,
        Actor = actor,
        Kind = kind,
        FromStatus = leg.Status,
        ToStatus = leg.Status,
        Detail = detail,
    });

    /// <summary>Records a change that was asked for and not applied, with why.</summary>
    public void RefuseLegChange(Leg leg, LegChange change, string refusal) =>
        AddToTimeline(leg, change, TimelineKinds.TransitionRefused, refusal);

    void AddToTimeline(Leg leg, LegChange change, string kind, string? detail) => Timeline.Add(new TimelineEntry
    {
        ReferralId = Id,
        LegId = leg.Id,
        Agency = leg.Agency,
        At = change.At,
        Actor = change.Actor,
        Kind = kind,
        FromStatus = leg.Status,
        ToStatus = change.To,
        Detail = detail,
    });

    public bool CanCancel(Leg leg) => LegLifecycle.IsAllowed(leg.Status, LegStatusCodes.Cancelled);
}
