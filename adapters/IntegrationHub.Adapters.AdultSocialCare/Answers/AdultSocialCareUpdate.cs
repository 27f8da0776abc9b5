namespace IntegrationHub.Adapters.AdultSocialCare.Answers;

/// <summary>
/// What adult social care sends back about a transition assessment referral: one document shape, its
/// <see cref="Type"/> saying which fields it carries. Every field may be missing on the wire;
/// <see cref="AdultSocialCareUpdateTranslator"/> says which each type requires and allows.
/// </summary>
/// <param name="AnswerId">Chosen by adult social care; a resent update keeps it.</param>
/// <param name="LegId">The hub's leg id from the referral's hubReferences.</param>
/// <param name="Type">One of <see cref="AdultSocialCareUpdateTypes"/>.</param>
/// <param name="Worker">Who in adult social care.</param>
/// <param name="At">When.</param>
/// <param name="AgencyReference">acknowledged: adult social care's own case reference, if it gives one.</param>
/// <param name="AssessmentAt">assessment-scheduled: when the needs assessment is.</param>
/// <param name="Location">assessment-scheduled: where the needs assessment is, if known.</param>
/// <param name="EligibleNeeds">eligible-needs-found: the eligible needs the assessment found, in words.</param>
/// <param name="ReasonCode">declined: One of <see cref="AdultSocialCareDeclineReasons"/>.</param>
/// <param name="Reason">no-eligible-needs, declined: why, in words.</param>
/// <param name="CarePlanReference">completed: the reference of the young person's care and support plan.</param>
public sealed record AdultSocialCareUpdate(
    Guid? AnswerId,
    Guid? LegId,
    string? Type,
    string? Worker,
    DateTimeOffset? At,
    string? AgencyReference = null,
    DateTimeOffset? AssessmentAt = null,
    string? Location = null,
    string? EligibleNeeds = null,
    string? ReasonCode = null,
    string? Reason = null,
    string? CarePlanReference = null);
