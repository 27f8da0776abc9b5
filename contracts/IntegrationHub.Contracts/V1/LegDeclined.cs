namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has declined the leg (Task.status rejected). A reason is required.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="ReasonCode">The agency's reason code: lower-case letters, digits and hyphens, from the agency's own list.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record LegDeclined(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string ReasonCode,
    string Reason) : ILegAnswer;
