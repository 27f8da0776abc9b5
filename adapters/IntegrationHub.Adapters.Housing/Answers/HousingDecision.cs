namespace IntegrationHub.Adapters.Housing.Answers;

/// <summary>
/// What a housing authority sends back about a duty-to-refer referral. Every field may be missing on
/// the wire; <see cref="HousingDecisionTranslator"/> says which are required for which status.
/// </summary>
/// <param name="AnswerId">Chosen by the housing authority; a resent decision keeps it.</param>
/// <param name="LegId">The hub's leg id from the referral's hubReferences.</param>
/// <param name="Status">One of <see cref="HousingDecisionStatuses"/>.</param>
/// <param name="Duty">One of <see cref="HousingDuties"/>; required when accepted, only then.</param>
/// <param name="DeclineReason">One of <see cref="HousingDeclineReasons"/>; required when declined, only then.</param>
/// <param name="ReasonText">Why, in words; required when the decline reason is <c>other</c>.</param>
/// <param name="Officer">Who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="CaseReference">The housing authority's own case reference.</param>
public sealed record HousingDecision(
    Guid? AnswerId,
    Guid? LegId,
    string? Status,
    string? Duty,
    string? DeclineReason,
    string? ReasonText,
    string? Officer,
    DateTimeOffset? DecidedAt,
    string? CaseReference);
