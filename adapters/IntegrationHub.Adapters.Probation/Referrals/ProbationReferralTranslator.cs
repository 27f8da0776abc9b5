using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Probation.Referrals;

/// <summary>Turns the hub's leg messages into probation's domain events and the detail they link to.</summary>
public static class ProbationReferralTranslator
{
    const string RequestedDescription = "A leaving care team has referred a care leaver to probation. Fetch the referral from detailUrl.";
    const string CancelledDescription = "A leaving care team has withdrawn its referral of a care leaver to probation. Stop processing it.";
    const string Destination = AgencyCodes.Probation;

    /// <summary>The <c>care-leaver-hub.referral.requested</c> event for a probation leg: the CRN and ids only.</summary>
    /// <param name="hubBaseUrl">Where probation reaches the hub's API, e.g. https://hub.example.gov.uk/.</param>
    /// <exception cref="LegUndeliverableException">The leg is not for probation or has no CRN.</exception>
    /// <exception cref="ArgumentException">The base URL is not an absolute http(s) URL without query or fragment.</exception>
    public static ReferralEvent RequestedEvent(LegRequested leg, Uri hubBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(leg);
        LegUndeliverableException.ThrowIfAddressedElsewhere(leg.LegId, leg.Agency, AgencyCodes.Probation, Destination);
        return Event(ReferralEventTypes.Requested, leg.RequestedAt, RequestedDescription, leg, leg.Recipient.Code, hubBaseUrl, cancellationKind: null);
    }

    /// <summary>
    /// The <c>care-leaver-hub.referral.cancelled</c> event for the same person (the CRN of the leg as it was
    /// sent) and leg, with the kind of cancellation; the Personal Adviser's reason stays at the hub.
    /// </summary>
    /// <exception cref="LegUndeliverableException">The cancellation is not for a probation leg, or the leg has no CRN.</exception>
    /// <exception cref="ArgumentException">The base URL is not an absolute http(s) URL without query or fragment.</exception>
    public static ReferralEvent CancelledEvent(LegCancelled cancelled, Uri hubBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        LegUndeliverableException.ThrowIfAddressedElsewhere(cancelled.LegId, cancelled.Agency, AgencyCodes.Probation, Destination);
        if (cancelled.Leg.LegId != cancelled.LegId)
        {
            throw new LegUndeliverableException(cancelled.LegId, Destination, "leg.legId", $"the cancellation carries the request of another leg, {cancelled.Leg.LegId}.");
        }

        return Event(ReferralEventTypes.Cancelled, cancelled.CancelledAt, CancelledDescription, cancelled.Leg, cancelled.Recipient.Code, hubBaseUrl, cancelled.Kind);
    }

    /// <summary>The detail probation fetches from the event's link: only <see cref="ProbationSharing.Rule"/>'s sections and the CRN.</summary>
    /// <exception cref="LegUndeliverableException">The leg is not for probation or has no CRN.</exception>
    public static ProbationReferralDetail Detail(LegRequested leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        LegUndeliverableException.ThrowIfAddressedElsewhere(leg.LegId, leg.Agency, AgencyCodes.Probation, Destination);
        return new ProbationReferralDetail(
            new HubReferences(leg.ReferralId, leg.LegId),
            leg.Recipient,
            leg.RequestedAt,
            leg.Summary,
            new ProbationPerson(Crn(leg), leg.Person.GivenName, leg.Person.FamilyName, leg.Person.DateOfBirth),
            new PersonalAdviser(leg.Referrer.Name, leg.Referrer.Email, leg.Referrer.Phone, leg.Referrer.LocalAuthority),
            new ProbationReferralSections(
                Section(leg, PlanSectionCodes.Justice),
                Section(leg, PlanSectionCodes.Accommodation),
                Section(leg, PlanSectionCodes.Eet)));
    }

    /// <summary>Where the hub serves a leg to its agency: <c>{hubBaseUrl}/api/legs/{legId}</c>.</summary>
    /// <exception cref="ArgumentException">The base URL is not an absolute http(s) URL without query or fragment.</exception>
    public static string DetailUrl(Uri hubBaseUrl, Guid legId)
    {
        ThrowIfNotHubBaseUrl(hubBaseUrl);
        return $"{hubBaseUrl.AbsoluteUri.TrimEnd('/')}/api/legs/{legId:D}";
    }

    /// <exception cref="ArgumentException">The base URL is not an absolute http(s) URL without query or fragment.</exception>
    public static void ThrowIfNotHubBaseUrl(Uri hubBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(hubBaseUrl);
        if (!hubBaseUrl.IsAbsoluteUri || hubBaseUrl.Scheme is not ("https" or "http") || hubBaseUrl.Query.Length > 0 || hubBaseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException("The hub's base URL must be an absolute http(s) URL with no query or fragment.", nameof(hubBaseUrl));
        }
    }

    static ReferralEvent Event(
        string eventType, DateTimeOffset occurredAt, string description, LegRequested leg, string recipientCode, Uri hubBaseUrl, string? cancellationKind) => new(
        eventType,
        ReferralEventTypes.Version,
        occurredAt,
        description,
        DetailUrl(hubBaseUrl, leg.LegId),
        new PersonReference([new TypedIdentifier(ReferralEventTypes.CrnIdentifierType, Crn(leg))]),
        new ReferralEventInformation(leg.ReferralId, leg.LegId, recipientCode, cancellationKind));

    static string Crn(LegRequested leg) => ProbationRequirements.Crn.ReadFrom(leg, Destination).ToUpperInvariant();

    static ProbationReferralSection? Section(LegRequested leg, string code) =>
        ProbationSharing.Rule.Section(leg.Sections, code) is { } s ? new ProbationReferralSection(s.Needs, s.Actions, s.Owner, s.ReviewDate) : null;
}
