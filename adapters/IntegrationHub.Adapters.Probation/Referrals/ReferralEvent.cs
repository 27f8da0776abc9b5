namespace IntegrationHub.Adapters.Probation.Referrals;

/// <summary>
/// A domain-event notification to probation, in the style of the HMPPS domain events: it says what
/// happened and to whom (by CRN only) and links to the detail, which probation fetches from
/// <see cref="DetailUrl"/> with its own token. It carries no other personal data.
/// </summary>
/// <param name="EventType">One of <see cref="ReferralEventTypes"/>.</param>
/// <param name="Version">The version of this event type's shape.</param>
/// <param name="Description">Fixed text per event type, never personal data.</param>
public sealed record ReferralEvent(
    string EventType,
    int Version,
    DateTimeOffset OccurredAt,
    string Description,
    string DetailUrl,
    PersonReference PersonReference,
    ReferralEventInformation AdditionalInformation);

public sealed record PersonReference(IReadOnlyList<TypedIdentifier> Identifiers);

/// <param name="Type">"CRN", as probation spells it.</param>
public sealed record TypedIdentifier(string Type, string Value);

/// <param name="RecipientCode">The probation delivery unit or region, from the hub's agency directory.</param>
/// <param name="CancellationKind">Cancelled events only: circumstances-changed, or entered-in-error (the referral should never have been made).</param>
public sealed record ReferralEventInformation(Guid ReferralId, Guid LegId, string RecipientCode, string? CancellationKind = null);
