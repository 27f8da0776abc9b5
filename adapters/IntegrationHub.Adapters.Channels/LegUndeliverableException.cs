namespace IntegrationHub.Adapters.Channels;

/// <summary>
/// The leg cannot be delivered in the agency's format, e.g. a Jobcentre referral without a National
/// Insurance number, so nothing reaches the agency. The message says why and carries no personal data:
/// it is logged and shown on the referral. <see cref="Field"/>, when known, names what is wrong in the
/// leg message.
/// </summary>
public sealed class LegUndeliverableException : Exception
{
    public LegUndeliverableException(string reason)
        : base(reason)
    {
    }

    /// <summary>The message reads "Leg {legId} cannot be sent to {destination}: {reason}".</summary>
    /// <param name="destination">The agency as a reader would name it, e.g. "housing", "the youth offending service".</param>
    /// <param name="field">What is wrong in the leg message, as its JSON spells it, e.g. <c>person.dateOfBirth</c>.</param>
    /// <param name="reason">Why, in words with no personal data.</param>
    public LegUndeliverableException(Guid legId, string destination, string field, string reason)
        : base($"Leg {legId} cannot be sent to {destination}: {reason}")
    {
        LegId = legId;
        Field = field;
    }

    public Guid? LegId { get; }

    public string? Field { get; }

    /// <summary>Throws unless the leg message for <paramref name="legId"/> is addressed to <paramref name="expected"/>.</summary>
    /// <exception cref="LegUndeliverableException">It is addressed to another agency; <see cref="Field"/> is <c>agency</c>.</exception>
    public static void ThrowIfAddressedElsewhere(Guid legId, string agency, string expected, string destination)
    {
        if (agency != expected)
        {
            throw new LegUndeliverableException(legId, destination, "agency", $"it is addressed to '{agency}', not '{expected}'.");
        }
    }
}
