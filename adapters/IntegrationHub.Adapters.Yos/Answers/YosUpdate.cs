namespace IntegrationHub.Adapters.Yos.Answers;

/// <summary>
/// What a youth offending service sends back about a referral: one document shape, its <see cref="Type"/>
/// saying which fields it carries. Every field may be missing on the wire;
/// <see cref="YosUpdateTranslator"/> says which each type requires and allows.
/// </summary>
/// <param name="AnswerId">Chosen by the YOS; a resent update keeps it.</param>
/// <param name="LegId">The hub's leg id from the referral's hubReferences.</param>
/// <param name="Type">One of <see cref="YosUpdateTypes"/>.</param>
/// <param name="Officer">Who in the YOS.</param>
/// <param name="At">When.</param>
/// <param name="DueDate">transition-to-probation-due: when the case moves to probation (at 18).</param>
/// <param name="ReleaseDate">custody-release-planned: the planned release from youth custody.</param>
/// <param name="ReasonCode">declined: the YOS's own reason code (lower-case letters, digits and hyphens), such as <see cref="YosDeclineReasons"/>.</param>
/// <param name="Reason">declined: why, in words.</param>
public sealed record YosUpdate(
    Guid? AnswerId,
    Guid? LegId,
    string? Type,
    string? Officer,
    DateTimeOffset? At,
    DateOnly? DueDate = null,
    DateOnly? ReleaseDate = null,
    string? ReasonCode = null,
    string? Reason = null);
