namespace IntegrationHub.Contracts.V1;

/// <summary>An adapter could not deliver the leg to its agency: the agency refused it, or the leg cannot be put in the agency's format.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="Reason">Why the leg could not be delivered.</param>
public sealed record LegDeliveryFailed(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Reason) : ILegAnswer;
