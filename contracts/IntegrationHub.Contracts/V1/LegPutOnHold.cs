namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has paused work on the leg (Task.status on-hold).</summary>
public sealed record LegPutOnHold(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Reason) : ILegAnswer;
