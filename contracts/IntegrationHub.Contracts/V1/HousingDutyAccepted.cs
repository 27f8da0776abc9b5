namespace IntegrationHub.Contracts.V1;

/// <summary>The housing authority owes the young person a Homelessness Reduction Act duty: Duty is prevention or relief.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="Duty"><c>prevention</c> or <c>relief</c>, as the housing adapter's decision gave it.</param>
/// <param name="CaseReference">The housing authority's own case reference, if it gave one.</param>
public sealed record HousingDutyAccepted(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Duty,
    string? CaseReference) : ILegAnswer;
