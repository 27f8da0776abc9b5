namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has accepted the leg (Task.status accepted).</summary>
public sealed record LegAccepted(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string? Note) : ILegAnswer;
