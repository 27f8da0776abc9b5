namespace IntegrationHub.Contracts.V1;

/// <summary>The housing authority owes the young person a Homelessness Reduction Act duty: Duty is prevention or relief.</summary>
public sealed record HousingDutyAccepted(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Duty,
    string? CaseReference) : ILegAnswer;
