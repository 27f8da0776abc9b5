using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Referrals;

/// <summary>
/// Data minimisation: which pathway plan sections each agency type may see. The defaults are each
/// agency's own definition (the national matrix); a local authority may narrow or widen its own under
/// <c>Sharing:Tenants:{id}</c>, and <c>Sharing:Default:{agency}</c> changes an agency's default everywhere.
/// </summary>
public sealed class SharingOptions
{
    public const string Section = "Sharing";

    /// <summary>By agency; filled from the agencies' definitions for every agency configuration leaves out.</summary>
    public Dictionary<string, string[]> Default { get; set; } = [];

    public Dictionary<string, Dictionary<string, string[]>> Tenants { get; set; } = [];

    public IReadOnlyList<string> SectionsFor(string tenantId, string agency) =>
        Tenants.TryGetValue(tenantId, out var own) && own.TryGetValue(agency, out var sections)
            ? sections
            : Default.GetValueOrDefault(agency, []);

    internal void AddDefaults(AgencyDefinitions agencies)
    {
        foreach (var agency in agencies.All)
        {
            Default.TryAdd(agency.Code, [.. agency.SharedSections]);
        }
    }

    internal IEnumerable<string> Validate(AgencyDefinitions agencies)
    {
        foreach (var (agency, sections) in Default.Concat(Tenants.Values.SelectMany(t => t)))
        {
            if (!agencies.Contains(agency))
            {
                yield return $"Sharing names an unknown agency '{agency}'.";
            }

            foreach (var section in sections.Where(s => !PlanSectionCodes.All.Contains(s)))
            {
                yield return $"Sharing for '{agency}' names an unknown section '{section}'.";
            }
        }
    }
}
