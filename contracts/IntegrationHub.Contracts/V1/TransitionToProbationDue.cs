namespace IntegrationHub.Contracts.V1;

/// <summary>The YOS says the young person's case is due to move to probation on DueDate (at 18).</summary>
public sealed record TransitionToProbationDue(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateOnly DueDate) : ILegAnswer;
