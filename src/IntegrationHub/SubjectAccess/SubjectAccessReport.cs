using IntegrationHub.Auditing;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Notifications;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;

namespace IntegrationHub.SubjectAccess;

/// <summary>
/// Everything the hub holds about one young person, for their subject access request (UK GDPR Article 15):
/// their record, plans and referrals, to whom each part was disclosed and on what basis, every consent they gave or
/// withdrew, what was put to the Corporate Parenting Board about them and what it decided, and who has read it.
/// </summary>
public sealed record SubjectAccessReport(
    DateTimeOffset ProducedAt,
    SubjectRecord Person,
    IReadOnlyList<PlanVersionDetails> PlanVersions,
    IReadOnlyList<ReferralDetails> Referrals,
    IReadOnlyList<Disclosure> Disclosures,
    IReadOnlyList<ReportedFact> LegFacts,
    IReadOnlyList<EscalationRecord> Escalations,
    IReadOnlyList<NotificationRecord> Notifications,
    IReadOnlyList<DataRead> Reads,
    IReadOnlyList<ConsentDetails> Consents,
    IReadOnlyList<CasePaperRecord> CasePapers,
    IReadOnlyList<BoardActionRecord> BoardActions);

/// <summary>The young person's record, with when and by whom it was made, which the PA's view leaves out.</summary>
public sealed record SubjectRecord(YoungPersonDetails Details, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static SubjectRecord From(YoungPerson p, DateOnly today) => new(YoungPersonDetails.From(p, today), p.CreatedAt, p.CreatedBy);
}

/// <summary>One leg: which organisation was sent which reason, sections and identifiers, when, on what basis, and where it stands.</summary>
public sealed record Disclosure(
    Guid ReferralId,
    Guid LegId,
    string Agency,
    Organisation Recipient,
    string Reason,
    IReadOnlyList<string> SharedSections,
    IReadOnlyList<PersonIdentifier> SharedIdentifiers,
    DateTimeOffset SentAt,
    LawfulBasis LawfulBasis,
    string Status);

public sealed record ReportedFact(Guid ReferralId, Guid LegId, string Agency, string Kind, DateOnly Date, DateTimeOffset RecordedAt, DateTimeOffset? RespondedAt, string? Response)
{
    public static ReportedFact From(LegFact f) => new(f.ReferralId, f.LegId, f.Agency, f.Kind, f.Date, f.RecordedAt, f.RespondedAt, f.Response);
}

public sealed record EscalationRecord(
    Guid Id, Guid? ReferralId, Guid? LegId, string Agency, string Theme, int Level, string ReasonCode, string Reason,
    DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, string? Outcome)
{
    public static EscalationRecord From(Escalation e) =>
        new(e.Id, e.ReferralId, e.LegId, e.Agency, e.Theme, e.Level, e.ReasonCode, e.Reason, e.RaisedAt, e.ResolvedAt, e.Outcome);
}

/// <summary>A message in a hub user's inbox about one of their referrals or escalations, and to whom it went.</summary>
public sealed record NotificationRecord(DateTimeOffset CreatedAt, string? ToUser, string? ToRole, string Subject, string Body, Guid? ReferralId, Guid? EscalationId)
{
    public static NotificationRecord From(Notification n) => new(n.CreatedAt, n.UserId, n.Role, n.Subject, n.Body, n.ReferralId, n.EscalationId);
}

/// <summary>One audited read of their data: who, in which role, agency and organisation, when, which record, under which basis.</summary>
public sealed record DataRead(DateTimeOffset At, string ActorId, string ActorRole, string? Agency, string ResourceType, string ResourceId, string? Basis, string? Organisation)
{
    public static DataRead From(AuditEntry a) => new(a.At, a.ActorId, a.ActorRole, a.Agency, a.ResourceType, a.ResourceId, a.Basis, a.Organisation);
}

/// <summary>What was written for the board's paper on one of their escalations: the resolution proposed, and their own words with the agreement they gave.</summary>
public sealed record CasePaperRecord(
    Guid EscalationId, string? FavouredResolution, string? ResolutionProposedByRole, DateTimeOffset? ResolutionProposedAt,
    string? Words, DateOnly? WordsAgreedOn, string? WordsAgreementEvidence, DateTimeOffset? WordsRecordedAt)
{
    public static CasePaperRecord From(CasePaper p) =>
        new(p.EscalationId, p.FavouredResolution, p.ResolutionProposedByRole, p.ResolutionProposedAt, p.Words, p.WordsAgreedOn, p.WordsAgreementEvidence, p.WordsRecordedAt);
}

/// <summary>An action the board decided on one of their escalations: what, which organisation and who owns it, when due, and where it stands.</summary>
public sealed record BoardActionRecord(Guid Id, Guid EscalationId, string Action, string Organisation, string Owner, DateOnly DueOn, string Status, DateTimeOffset DecidedAt)
{
    public static BoardActionRecord From(BoardDecision d) => new(d.Id, d.EscalationId, d.Action, d.Organisation, d.Owner, d.DueOn, d.Status, d.DecidedAt);
}
