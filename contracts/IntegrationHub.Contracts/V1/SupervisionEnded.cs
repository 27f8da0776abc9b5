namespace IntegrationHub.Contracts.V1;

/// <summary>Probation's supervision of the young person ended on EndedOn, for Reason; the leg's status does not change.</summary>
public sealed record SupervisionEnded(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateOnly EndedOn,
    string Reason) : ILegAnswer;
