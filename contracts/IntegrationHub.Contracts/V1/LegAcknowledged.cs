namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has received the leg (Task.status received).</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="AgencyReference">The agency's own reference for the case, if it gave one.</param>
public sealed record LegAcknowledged(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string? AgencyReference) : ILegAnswer;
