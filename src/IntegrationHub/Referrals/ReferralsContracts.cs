using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Referrals;

/// <param name="Summary">The Personal Adviser's own title of the referral, for the hub's users (the adviser, managers, the timeline); never sent to an agency.</param>
/// <param name="Agencies">Each agency referred to, with what is written for it alone.</param>
public sealed record MakeReferral(Guid? YoungPersonId, int? PlanVersion, string? Summary, List<string>? Sections, List<ReferralAgency>? Agencies);

/// <param name="Reason">The Personal Adviser's reason for referring to this agency, written for it alone: no other agency is sent it.</param>
/// <param name="DutyToReferConsents">For housing only: the three consents the duty to refer needs, each of which must be given.</param>
public sealed record ReferralAgency(string? Agency, string? Reason, LawfulBasisInput? LawfulBasis, DutyToReferConsents? DutyToReferConsents = null);

/// <summary>
/// The young person's consents to a housing referral under the duty to refer (Housing Act 1996 s.213B):
/// to be referred, to the housing authority chosen with them, and to share their contact details.
/// </summary>
public sealed record DutyToReferConsents(bool? ToBeReferred, bool? ToChosenHousingAuthority, bool? ToShareContactDetails);

public sealed record LawfulBasisInput(string? Basis, string? RecordedBy, DateTimeOffset? RecordedAt, string? Evidence);

/// <summary>A cancellation: why, and whether circumstances changed (the default) or the referral was entered in error.</summary>
public sealed record CancelRequest(string? Reason, string? Kind = null)
{
    /// <summary>
    /// The kinds a Personal Adviser cancels with. A withdrawn consent is not one of them: it is recorded as the
    /// young person's withdrawal (<c>POST /api/young-people/{id}/consents/{agency}/withdrawal</c>), which cancels the legs.
    /// </summary>
    public static IReadOnlyList<string> Kinds { get; } = [CancellationKinds.CircumstancesChanged, CancellationKinds.EnteredInError];
}

public sealed record SanctionResponse(string? Response);

public sealed record LegSummary(Guid Id, string Agency, string Status);

public sealed record ReferralAccepted(Guid Id, string Status, IReadOnlyList<LegSummary> Legs);

/// <param name="Reason">The Personal Adviser's reason for referring to this leg's agency, as that agency alone was sent it.</param>
public sealed record LegDetails(
    Guid Id,
    string Agency,
    Organisation Recipient,
    string Reason,
    string Status,
    LawfulBasis LawfulBasis,
    IReadOnlyList<string> SharedSections,
    string? StatusReason,
    string? ReasonCode,
    string? Outcome,
    string? AgencyReference,
    DateTimeOffset UpdatedAt)
{
    public static LegDetails From(Leg l) =>
        new(l.Id, l.Agency, l.Recipient, l.Reason, l.Status, l.LawfulBasis, l.SharedSections, l.StatusReason, l.ReasonCode, l.Outcome, l.AgencyReference, l.UpdatedAt);
}

public sealed record TimelineLine(DateTimeOffset At, string Actor, string Kind, Guid? LegId, string? Agency, string? FromStatus, string? ToStatus, string? Detail)
{
    public static TimelineLine From(TimelineEntry t) => new(t.At, t.Actor, t.Kind, t.LegId, t.Agency, t.FromStatus, t.ToStatus, t.Detail);
}

public sealed record ReferralDetails(
    Guid Id,
    Guid YoungPersonId,
    int PlanVersion,
    string Summary,
    IReadOnlyList<string> Sections,
    string Status,
    DateTimeOffset CreatedAt,
    string ReferrerName,
    IReadOnlyList<LegDetails> Legs,
    IReadOnlyList<TimelineLine> Timeline)
{
    public static ReferralDetails From(Referral r) => new(
        r.Id, r.YoungPersonId, r.PlanVersionNumber, r.Summary, r.Sections, r.Status, r.CreatedAt, r.ReferrerName,
        [.. r.Legs.OrderBy(l => l.Agency).Select(LegDetails.From)],
        [.. r.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(TimelineLine.From)]);
}

/// <summary>What an agency worker sees of their own leg: its state and exactly what was shared with the agency.</summary>
public sealed record AgencyLegView(LegDetails Leg, LegRequested Referral);

public sealed record AgencyLegSummary(Guid Id, Guid ReferralId, string Status, DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt);
