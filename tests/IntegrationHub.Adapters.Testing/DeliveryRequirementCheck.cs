using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Testing;

/// <summary>
/// That a format's stated delivery requirements are what its referral enforces: the hub refuses a
/// referral on the very requirement the adapter would fail the leg on, with the same field and words.
/// </summary>
public static class DeliveryRequirementCheck
{
    /// <summary>What is wrong, given a leg that should fail exactly one of the format's requirements; empty when nothing is.</summary>
    public static IReadOnlyList<string> ProblemsWith(IAgencyFormat format, LegRequested failingOne)
    {
        var unmet = format.DeliveryRequirements.Where(r => !r.IsMetBy(failingOne)).ToList();
        if (unmet.Count != 1)
        {
            return [$"the leg fails {unmet.Count} of the stated requirements ({string.Join(", ", unmet.Select(r => r.Field))}), not one"];
        }

        try
        {
            format.Referral(failingOne);
            return [$"the referral was made although the leg fails '{unmet[0].Field}'"];
        }
        catch (LegUndeliverableException refused)
        {
            return
            [
                .. refused.Field == unmet[0].Field ? [] : new[] { $"the referral was refused on '{refused.Field}', not '{unmet[0].Field}'" },
                .. refused.Message.EndsWith(unmet[0].Need, StringComparison.Ordinal) ? [] : new[] { $"the refusal does not give the requirement's words: {refused.Message}" },
            ];
        }
    }
}
