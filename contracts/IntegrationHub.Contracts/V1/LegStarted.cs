namespace IntegrationHub.Contracts.V1;

/// <summary>The agency is working on the leg, or has resumed it after a hold (Task.status in-progress).</summary>
public sealed record LegStarted(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string? Note) : ILegAnswer;
