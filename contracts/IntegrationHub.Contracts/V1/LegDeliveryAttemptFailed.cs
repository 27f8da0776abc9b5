namespace IntegrationHub.Contracts.V1;

/// <summary>
/// An adapter's attempt to deliver the leg failed for a reason that may pass (the agency's system timed out, was
/// unreachable, overloaded, or its circuit is open). The leg keeps waiting: the hub tries again later, with growing
/// intervals, until its delivery retry budget is spent, and only then records <see cref="LegDeliveryFailed"/>.
/// </summary>
/// <param name="AnswerId">Derived by the adapter from the leg and the delivery attempt; a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">The adapter that tried to deliver the leg.</param>
/// <param name="AnsweredAt">When the attempt failed.</param>
/// <param name="Reason">Why the attempt failed.</param>
public sealed record LegDeliveryAttemptFailed(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Reason) : ILegAnswer;
