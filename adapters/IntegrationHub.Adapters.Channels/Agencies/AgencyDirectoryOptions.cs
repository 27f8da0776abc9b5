using System.Text.RegularExpressions;
using IntegrationHub.Contracts.V1;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Channels.Agencies;

/// <summary>
/// Which organisation serves each agency type, by area. A care leaver is referred to the agencies
/// of the area where they live: <c>AgencyDirectory:Areas:{area}:{agency}</c> when they live out of
/// area, else the looking-after local authority's own <c>AgencyDirectory:Tenants:{id}:{agency}</c>,
/// else the agency's own default organisation (its definition's), so that a new tenant still routes somewhere visible.
/// An agency caller acts for one of these organisations; the credentials of each organisation's systems
/// are in <c>AgencyDirectory:Organisations</c> (<see cref="OrganisationCredentialsOptions"/>). The hub
/// routes legs by it, and the adapters declare each AMQP organisation's queue from it.
/// </summary>
public sealed partial class AgencyDirectoryOptions
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

    /// <summary>Each organisation once, with its agency, in a stable order.</summary>
    public IEnumerable<(string Agency, Organisation Organisation)> Distinct =>
        All.DistinctBy(e => (e.Agency, e.Organisation.Code)).OrderBy(e => e.Agency, StringComparer.Ordinal).ThenBy(e => e.Organisation.Code, StringComparer.Ordinal);

    internal void AddDefaults(AgencyDefinitions agencies)
    {
        foreach (var agency in agencies.All)
        {
            Default.TryAdd(agency.Code, agency.DefaultOrganisation);
        }
    }

    internal IEnumerable<string> Problems(AgencyDefinitions agencies)
    {
        foreach (var (agency, organisation) in All)
        {
            if (!agencies.Contains(agency))
            {
                yield return $"{Section} names '{agency}', which is not a registered agency.";
            }
            else if (string.IsNullOrWhiteSpace(organisation?.Name))
            {
                yield return $"{Section}: an organisation of '{agency}' has no name.";
            }
            else if (!OrganisationCode().IsMatch(organisation.Code ?? ""))
            {
                yield return $"{Section}: organisation code '{organisation.Code}' of '{agency}' must be 1 to 64 letters, digits, '-' or '_': it names the organisation's AMQP queue.";
            }
        }
    }

    /// <summary>An organisation code names its queue (<see cref="Endpoints.AgencyQueue"/>), so it keeps to what a queue name and a permission pattern take plainly.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex OrganisationCode();

    /// <summary>Credentials for an organisation the directory never routes a leg to would let its systems in for nothing.</summary>
    internal IEnumerable<string> UnknownOrganisations(OrganisationCredentialsOptions credentials) =>
        credentials.Organisations.Keys
            .Where(code => !All.Any(e => e.Organisation.Code == code))
            .Select(code => $"{OrganisationCredentialsOptions.Section}:{nameof(OrganisationCredentialsOptions.Organisations)}:{code} names no organisation of the agency directory.");
}

/// <summary>Refuses to start with an entry for an unknown agency, or an organisation without a name or a usable code, naming each.</summary>
sealed class AgencyDirectoryValidation(AgencyDefinitions agencies) : IValidateOptions<AgencyDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, AgencyDirectoryOptions options) =>
        options.Problems(agencies).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>Refuses to start with credentials for an organisation the directory does not know, naming each.</summary>
sealed class DirectoryCredentialsValidation(IOptions<AgencyDirectoryOptions> directory) : IValidateOptions<OrganisationCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganisationCredentialsOptions options) =>
        directory.Value.UnknownOrganisations(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
