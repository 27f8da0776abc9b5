namespace IntegrationHub.Contracts.V1;

/// <summary>The young person's release from custody (prison or youth custody) is planned for ReleaseDate; said by probation or the YOS.</summary>
public sealed record CustodyReleasePlanned(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateOnly ReleaseDate) : ILegAnswer;
