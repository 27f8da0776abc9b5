namespace IntegrationHub.Contracts.V1;

/// <summary>The YOS says the young person's case is due to move to probation on DueDate (at 18).</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="DueDate">When the case moves to probation.</param>
public sealed record TransitionToProbationDue(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateOnly DueDate) : ILegAnswer;
