using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Referrals;

/// <summary>
/// Which organisation serves each agency type, by area. A care leaver is referred to the agencies
/// of the area where they live: <c>AgencyDirectory:Areas:{area}:{agency}</c> when they live out of
/// area, else the looking-after local authority's own <c>AgencyDirectory:Tenants:{id}:{agency}</c>,
/// else the national defaults, so that a new tenant still routes somewhere visible.
/// </summary>
public sealed class AgencyDirectoryOptions
{
    public const string Section = "AgencyDirectory";

    public Dictionary<string, Organisation> Default { get; set; } = new()
    {
        [AgencyCodes.Housing] = new("housing-authority", "Local housing authority"),
        [AgencyCodes.Nhs] = new("integrated-care-board", "Integrated care board"),
        [AgencyCodes.Dwp] = new("jobcentre-plus", "Jobcentre Plus care leaver single point of contact"),
        [AgencyCodes.Probation] = new("probation-service", "Probation Service"),
        [AgencyCodes.Yos] = new("youth-offending-service", "Youth offending service"),
    };

    public Dictionary<string, Dictionary<string, Organisation>> Tenants { get; set; } = [];

    /// <summary>By area code (a local authority, usually outside the hub's tenants): its agencies' organisations.</summary>
    public Dictionary<string, Dictionary<string, Organisation>> Areas { get; set; } = [];

    public Organisation OrganisationFor(string tenantId, string? residenceArea, string agency) =>
        residenceArea is not null && Areas.TryGetValue(residenceArea, out var area) && area.TryGetValue(agency, out var local)
            ? local
            : Tenants.TryGetValue(tenantId, out var own) && own.TryGetValue(agency, out var organisation)
                ? organisation
                : Default[agency];

    internal IEnumerable<string> Validate() =>
        Default.Concat(Tenants.Values.SelectMany(t => t)).Concat(Areas.Values.SelectMany(a => a))
            .Where(e => !AgencyCodes.All.Contains(e.Key) || string.IsNullOrWhiteSpace(e.Value?.Code) || string.IsNullOrWhiteSpace(e.Value.Name))
            .Select(e => $"AgencyDirectory entry '{e.Key}' is not valid.")
            .Concat(AgencyCodes.All.Where(a => !Default.ContainsKey(a)).Select(a => $"AgencyDirectory:Default has no '{a}'."));
}
