using IntegrationHub.Auditing;
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
/// withdrew, and who has read it.
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
    IReadOnlyList<ConsentDetails> Consents);

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
