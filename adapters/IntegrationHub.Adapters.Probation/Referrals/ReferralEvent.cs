using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation.Referrals;

/// <summary>
/// A domain-event notification to probation, in the style of the HMPPS domain events: it says what
/// happened and to whom (by CRN only) and links to the detail, which probation fetches from
/// <see cref="DetailUrl"/> with its own token. It carries no other personal data.
/// </summary>
/// <param name="EventType">One of <see cref="ReferralEventTypes"/>.</param>
/// <param name="Version">The version of this event type's shape.</param>
/// <param name="Description">Fixed text per event type, never personal data.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="DetailUrl">Where probation fetches the referral's detail, with its own token.</param>
/// <param name="PersonReference">Whom it is about, by CRN only.</param>
/// <param name="AdditionalInformation">The hub's ids and the recipient.</param>
public sealed record ReferralEvent(
    string EventType,
    int Version,
    DateTimeOffset OccurredAt,
    string Description,
    string DetailUrl,
    PersonReference PersonReference,
    ReferralEventInformation AdditionalInformation);

/// <summary>Whom the event is about.</summary>
/// <param name="Identifiers">The young person's identifiers: the CRN only.</param>
public sealed record PersonReference(IReadOnlyList<TypedIdentifier> Identifiers);

/// <summary>One identifier of the young person.</summary>
/// <param name="Value">The CRN, matching <see cref="IdentifierPatterns.Crn"/>.</param>
/// <param name="Type">"CRN", as probation spells it.</param>
public sealed record TypedIdentifier(string Type, string Value);

/// <summary>The event's details.</summary>
/// <param name="ReferralId">The hub's referral id.</param>
/// <param name="LegId">The hub's leg id: quote it in every event probation sends.</param>
/// <param name="RecipientCode">The probation delivery unit or region, from the hub's agency directory.</param>
/// <param name="CancellationKind">Cancelled events only: one of <see cref="CancellationKinds"/>: circumstances-changed, entered-in-error (the referral should never have been made), or consent-withdrawn (stop processing what was shared on the young person's consent).</param>
public sealed record ReferralEventInformation(Guid ReferralId, Guid LegId, string RecipientCode, string? CancellationKind = null);
