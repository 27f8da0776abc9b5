using System.Diagnostics.CodeAnalysis;

namespace IntegrationHub.Adapters.Channels.Agencies;

/// <summary>Every agency this process knows, whether or not it runs that agency's adapter, in the order registered.</summary>
public sealed class AgencyDefinitions
{
    readonly Dictionary<string, AgencyDefinition> byCode;

    /// <exception cref="InvalidOperationException">Two definitions claim one code, or one is not consistent.</exception>
    public AgencyDefinitions(IEnumerable<AgencyDefinition> definitions)
    {
        All = [.. definitions];
        var errors = All.GroupBy(d => d.Code).Where(g => g.Count() > 1)
            .Select(g => $"Two agency adapters claim the code '{g.Key}'.")
            .Concat(All.Where(d => !AgencyThemes.All.Contains(d.Theme)).Select(d => $"The agency '{d.Code}' names an unknown theme '{d.Theme}'."))
            .Concat(All.Where(d => d.Format.Agency != d.Code).Select(d => $"The agency '{d.Code}' has the format of '{d.Format.Agency}'."))
            .ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        byCode = All.ToDictionary(d => d.Code);
    }

    public IReadOnlyList<AgencyDefinition> All { get; }

    /// <summary>Every agency the published contract lists has a definition, and none is defined that it does not list.</summary>
    /// <exception cref="InvalidOperationException">An agency of the contract has no adapter, or an adapter's agency is not in the contract.</exception>
    public AgencyDefinitions CoveringExactly(IReadOnlyList<string> contractCodes)
    {
        var errors = contractCodes.Where(code => !byCode.ContainsKey(code)).Select(code => $"The agency '{code}' has no definition: register its adapter with AddAgency.")
            .Concat(All.Where(d => !contractCodes.Contains(d.Code)).Select(d => $"The agency '{d.Code}' is not in the contract's AgencyCodes."))
            .ToList();
        return errors.Count == 0 ? this : throw new InvalidOperationException(string.Join(" ", errors));
    }

    public IEnumerable<string> Codes => All.Select(d => d.Code);

    public bool Contains([NotNullWhen(true)] string? code) => code is not null && byCode.ContainsKey(code);

    /// <exception cref="InvalidOperationException">No adapter defines the agency.</exception>
    public AgencyDefinition For(string code) =>
        byCode.TryGetValue(code, out var definition) ? definition : throw new InvalidOperationException($"No adapter defines the agency '{code}'.");

    /// <summary>Its name on pages, or the code itself for a code no adapter defines (an old record).</summary>
    public string NameOf(string code) => byCode.TryGetValue(code, out var definition) ? definition.Name : code;
}
