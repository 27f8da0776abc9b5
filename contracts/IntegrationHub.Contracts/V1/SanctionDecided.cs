namespace IntegrationHub.Contracts.V1;

/// <summary>The Jobcentre has decided a proposed sanction: Decision is applied or not-applied.</summary>
public sealed record SanctionDecided(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Decision,
    string? Text) : ILegAnswer;
