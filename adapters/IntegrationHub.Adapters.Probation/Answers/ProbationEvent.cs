namespace IntegrationHub.Adapters.Probation.Answers;

/// <summary>
/// An event probation sends the hub about a referral, in the same domain-event style as the hub's.
/// Every field may be missing on the wire; <see cref="ProbationEventTranslator"/> says which each
/// event type requires and allows.
/// </summary>
/// <param name="EventType">One of <see cref="ProbationEventTypes"/>.</param>
/// <param name="Version">1 if given.</param>
/// <param name="AnswerId">Chosen by probation; when absent, derived from the event type, leg and time, so a resent event derives the same id.</param>
/// <param name="Officer">Who in probation.</param>
/// <param name="Description">Words for the Personal Adviser; becomes the note of an acceptance.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="AdditionalInformation">The hub's leg id and what the event type carries.</param>
public sealed record ProbationEvent(
    string? EventType,
    int? Version,
    Guid? AnswerId,
    DateTimeOffset? OccurredAt,
    string? Officer,
    string? Description,
    ProbationEventInformation? AdditionalInformation);

/// <summary>The event's details.</summary>
/// <param name="LegId">The hub's leg id from the referral event's additionalInformation.</param>
/// <param name="ReleaseDate">probation.release-date.planned: the planned release from custody.</param>
/// <param name="EndedOn">probation.supervision.ended: the day supervision ended.</param>
/// <param name="Reason">probation.supervision.ended: why.</param>
public sealed record ProbationEventInformation(Guid? LegId, DateOnly? ReleaseDate = null, DateOnly? EndedOn = null, string? Reason = null);
