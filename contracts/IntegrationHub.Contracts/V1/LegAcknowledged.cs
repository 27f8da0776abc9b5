namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has received the leg (Task.status received).</summary>
public sealed record LegAcknowledged(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string? AgencyReference) : ILegAnswer;
