using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Referrals;

/// <summary>
/// Which organisation serves each agency type, by area. A care leaver is referred to the agencies
/// of the area where they live: <c>AgencyDirectory:Areas:{area}:{agency}</c> when they live out of
/// area, else the looking-after local authority's own <c>AgencyDirectory:Tenants:{id}:{agency}</c>,
/// else the agency's own default organisation (its definition's), so that a new tenant still routes somewhere visible.
/// An agency caller acts for one of these organisations (<see cref="Security.CallerOrganisations"/>); the
/// credentials of each organisation's systems are in <c>AgencyDirectory:Organisations</c> (<see cref="OrganisationCredentialsOptions"/>).
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

    /// <summary>Whether any leg of <paramref name="agency"/> can be addressed to the organisation: its default, a tenant's or an area's.</summary>
    public bool Lists(string agency, string organisationCode) => OrganisationsOf(agency).Any(o => o.Code == organisationCode);

    /// <summary>Every organisation the directory may route a leg to, with its agency.</summary>
    public IEnumerable<(string Agency, Organisation Organisation)> All =>
        Default.Concat(Tenants.Values.SelectMany(t => t)).Concat(Areas.Values.SelectMany(a => a)).Select(e => (e.Key, e.Value));

    /// <summary>The name the directory gives an organisation, if it lists it.</summary>
    public string? NameOf(string? organisationCode) => All.Where(e => e.Organisation.Code == organisationCode).Select(e => e.Organisation.Name).FirstOrDefault();

    IEnumerable<Organisation> OrganisationsOf(string agency) => All.Where(e => e.Agency == agency).Select(e => e.Organisation);

    internal void AddDefaults(AgencyDefinitions agencies)
    {
        foreach (var agency in agencies.All)
        {
            Default.TryAdd(agency.Code, agency.DefaultOrganisation);
        }
    }

    internal IEnumerable<string> Validate(AgencyDefinitions agencies) =>
        All
            .Where(e => !agencies.Contains(e.Agency) || string.IsNullOrWhiteSpace(e.Organisation?.Code) || string.IsNullOrWhiteSpace(e.Organisation.Name))
            .Select(e => $"AgencyDirectory entry '{e.Agency}' is not valid.");

    /// <summary>Credentials for an organisation the directory never routes a leg to would let its systems in for nothing.</summary>
    internal IEnumerable<string> UnknownOrganisations(OrganisationCredentialsOptions credentials) =>
        credentials.Organisations.Keys
            .Where(code => !All.Any(e => e.Organisation.Code == code))
            .Select(code => $"{OrganisationCredentialsOptions.Section}:{nameof(OrganisationCredentialsOptions.Organisations)}:{code} names no organisation of the agency directory.");
}

/// <summary>Refuses to start with credentials for an organisation the directory does not know, naming each.</summary>
sealed class DirectoryCredentialsValidation(IOptions<AgencyDirectoryOptions> directory) : IValidateOptions<OrganisationCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganisationCredentialsOptions options) =>
        directory.Value.UnknownOrganisations(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
