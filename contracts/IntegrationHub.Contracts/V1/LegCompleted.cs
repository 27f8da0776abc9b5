namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has finished the leg (Task.status completed). An outcome is required.</summary>
public sealed record LegCompleted(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Outcome) : ILegAnswer;
