using IntegrationHub.Contracts.V1;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Referrals;

/// <summary>
/// Data minimisation: which pathway plan sections each agency type may see. The defaults are the
/// national matrix; a local authority may narrow or widen its own under <c>Sharing:Tenants:{id}</c>.
/// </summary>
public sealed class SharingOptions
{
    public const string Section = "Sharing";

    public Dictionary<string, string[]> Default { get; set; } = new()
    {
        [AgencyCodes.Housing] = [Accommodation, Financial, PracticalSkills, Contingency],
        [AgencyCodes.Nhs] = [Health, EmotionalBehavioural],
        [AgencyCodes.Dwp] = [Eet, Financial],
        [AgencyCodes.Probation] = [Justice, Accommodation, Eet],
        [AgencyCodes.Yos] = [Justice, Eet, Health, Relationships],
    };

    public Dictionary<string, Dictionary<string, string[]>> Tenants { get; set; } = [];

    public IReadOnlyList<string> SectionsFor(string tenantId, string agency) =>
        Tenants.TryGetValue(tenantId, out var own) && own.TryGetValue(agency, out var sections)
            ? sections
            : Default.GetValueOrDefault(agency, []);

    /// <summary>The identifiers each agency needs to find the person in its own systems.</summary>
    public static IReadOnlyList<string> IdentifiersFor(string agency) => agency switch
    {
        AgencyCodes.Nhs => [IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NhsNumber],
        AgencyCodes.Dwp => [IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.NationalInsuranceNumber],
        AgencyCodes.Probation or AgencyCodes.Yos => [IdentifierTypes.LocalAuthorityPersonId, IdentifierTypes.Crn],
        _ => [IdentifierTypes.LocalAuthorityPersonId],
    };

    internal IEnumerable<string> Validate()
    {
        foreach (var (agency, sections) in Default.Concat(Tenants.Values.SelectMany(t => t)))
        {
            if (!AgencyCodes.All.Contains(agency))
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
