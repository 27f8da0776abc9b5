using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Referrals;

/// <summary>
/// Which organisation serves each agency type, by area. A care leaver is referred to the agencies
/// of the area where they live: <c>AgencyDirectory:Areas:{area}:{agency}</c> when they live out of
/// area, else the looking-after local authority's own <c>AgencyDirectory:Tenants:{id}:{agency}</c>,
/// else the agency's own default organisation (its definition's), so that a new tenant still routes somewhere visible.
/// </summary>
public sealed class AgencyDirectoryOptions
{
    public const string Section = "AgencyDirectory";

    /// <summary>By agency; filled from the agencies' definitions for every agency configuration leaves out.</summary>
    public Dictionary<string, Organisation> Default { get; set; } = [];

    public Dictionary<string, Dictionary<string, Organisation>> Tenants { get; set; } = [];

    /// <summary>By area code (a local authority, usually outside the hub's tenants): its agencies' organisations.</summary>
    public Dictionary<string, Dictionary<string, Organisation>> Areas { get; set; } = [];

    public Organisation OrganisationFor(string tenantId, string? residenceArea, string agency) =>
        residenceArea is not null && Areas.TryGetValue(residenceArea, out var area) && area.TryGetValue(agency, out var local)
            ? local
            : Tenants.TryGetValue(tenantId, out var own) && own.TryGetValue(agency, out var organisation)
                ? organisation
                : Default[agency];

    internal void AddDefaults(AgencyDefinitions agencies)
    {
        foreach (var agency in agencies.All)
        {
            Default.TryAdd(agency.Code, agency.DefaultOrganisation);
        }
    }

    internal IEnumerable<string> Validate(AgencyDefinitions agencies) =>
        Default.Concat(Tenants.Values.SelectMany(t => t)).Concat(Areas.Values.SelectMany(a => a))
            .Where(e => !agencies.Contains(e.Key) || string.IsNullOrWhiteSpace(e.Value?.Code) || string.IsNullOrWhiteSpace(e.Value.Name))
            .Select(e => $"AgencyDirectory entry '{e.Key}' is not valid.");
}
