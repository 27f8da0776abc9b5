namespace IntegrationHub.Contracts.V1;

/// <summary>The young person's release from custody (prison or youth custody) is planned for ReleaseDate; said by probation or the YOS.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="ReleaseDate">The planned day of release.</param>
public sealed record CustodyReleasePlanned(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateOnly ReleaseDate) : ILegAnswer;
