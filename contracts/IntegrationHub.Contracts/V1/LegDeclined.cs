namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has declined the leg (Task.status rejected). A reason is required.</summary>
public sealed record LegDeclined(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string ReasonCode,
    string Reason) : ILegAnswer;
