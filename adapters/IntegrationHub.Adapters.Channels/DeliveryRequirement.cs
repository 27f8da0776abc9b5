using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels;

/// <summary>
/// One thing an agency's format needs in a leg to deliver it. The hub checks it when the referral is
/// made, so the Personal Adviser hears at once; the adapter's translator checks it again before it writes
/// the agency's document, so a leg that slips past the hub still fails naming the field.
/// </summary>
/// <param name="field">What the leg lacks, as its JSON spells it, e.g. <c>person.identifiers[ni-number]</c>.</param>
/// <param name="need">What the agency needs and what to do about it, in words a Personal Adviser reads, with no personal data.</param>
public class DeliveryRequirement(string field, string need, Func<LegRequested, bool> isMetBy)
{
    public string Field { get; } = field;

    public string Need { get; } = need;

    public bool IsMetBy(LegRequested leg) => isMetBy(leg);

    /// <exception cref="LegUndeliverableException">The leg does not meet the requirement; its <see cref="LegUndeliverableException.Field"/> is <see cref="Field"/>.</exception>
    public void ThrowIfUnmetBy(LegRequested leg, string destination)
    {
        if (!IsMetBy(leg))
        {
            throw Unmet(leg, destination);
        }
    }

    /// <exception cref="LegUndeliverableException">The first of the requirements the leg does not meet.</exception>
    public static void ThrowIfAnyUnmetBy(IEnumerable<DeliveryRequirement> requirements, LegRequested leg, string destination)
    {
        foreach (var requirement in requirements)
        {
            requirement.ThrowIfUnmetBy(leg, destination);
        }
    }

    protected LegUndeliverableException Unmet(LegRequested leg, string destination) => new(leg.LegId, destination, Field, Need);
}

/// <summary>A requirement met when the leg holds a value the translator then writes, e.g. the NI number.</summary>
public sealed class DeliveryRequirement<T>(string field, string need, Func<LegRequested, T?> read)
    : DeliveryRequirement(field, need, leg => read(leg) is not null)
    where T : class
{
    /// <exception cref="LegUndeliverableException">The leg does not hold the value.</exception>
    public T ReadFrom(LegRequested leg, string destination) => read(leg) ?? throw Unmet(leg, destination);
}
