namespace IntegrationHub.Contracts.V1;

/// <summary>The Jobcentre intends to sanction the young person's benefit from ProposedDate and must first speak to the Personal Adviser.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="ProposedDate">From when the sanction would apply.</param>
/// <param name="Reason">Why the Jobcentre means to sanction.</param>
public sealed record SanctionProposed(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateOnly ProposedDate,
    string Reason) : ILegAnswer;
