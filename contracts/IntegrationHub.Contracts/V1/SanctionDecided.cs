namespace IntegrationHub.Contracts.V1;

/// <summary>The Jobcentre has decided a proposed sanction: Decision is applied or not-applied.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="Decision"><c>applied</c> or <c>not-applied</c>.</param>
/// <param name="Text">The Jobcentre's note, if any.</param>
public sealed record SanctionDecided(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Decision,
    string? Text) : ILegAnswer;
