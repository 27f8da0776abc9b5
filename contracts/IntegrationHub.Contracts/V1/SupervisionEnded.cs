namespace IntegrationHub.Contracts.V1;

/// <summary>Probation's supervision of the young person ended on EndedOn, for Reason; the leg's status does not change.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="EndedOn">The day supervision ended.</param>
/// <param name="Reason">Why it ended.</param>
public sealed record SupervisionEnded(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateOnly EndedOn,
    string Reason) : ILegAnswer;
