namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has finished the leg (Task.status completed). An outcome is required.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="Outcome">What came of the leg, in words.</param>
public sealed record LegCompleted(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Outcome) : ILegAnswer;
