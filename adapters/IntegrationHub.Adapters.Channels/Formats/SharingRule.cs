using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Formats;

/// <summary>
/// Data minimisation, enforced again in each adapter (defence in depth): whatever the hub sends, an
/// agency is given only the pathway plan sections and the identifier types its rule names.
/// </summary>
/// <param name="sections">Codes from <see cref="PlanSectionCodes"/>.</param>
/// <param name="identifiers">Types from <see cref="IdentifierTypes"/>.</param>
public sealed class SharingRule(IReadOnlyList<string> sections, IReadOnlyList<string> identifiers)
{
    public IReadOnlyList<string> Sections { get; } = sections;

    public IReadOnlyList<string> Identifiers { get; } = identifiers;

    /// <summary>The first section of that code, if it is one the agency may see and the hub sent it.</summary>
    public PlanSection? Section(IEnumerable<PlanSection> sent, string code) =>
        Sections.Contains(code) ? sent.FirstOrDefault(s => s.Code == code) : null;

    /// <summary>The sections the hub sent that the agency may see, in the order sent.</summary>
    public IEnumerable<PlanSection> SharedSections(IEnumerable<PlanSection> sent) => sent.Where(s => Sections.Contains(s.Code));

    /// <summary>The first non-blank value, trimmed, of that identifier type, if it is one the agency may see and the hub sent it.</summary>
    public string? Identifier(IEnumerable<PersonIdentifier> sent, string type) =>
        Identifiers.Contains(type)
            ? sent.FirstOrDefault(i => i.Type == type && !string.IsNullOrWhiteSpace(i.Value))?.Value.Trim()
            : null;

    /// <summary>The non-blank identifiers the hub sent that the agency may see, in the order sent.</summary>
    public IEnumerable<PersonIdentifier> SharedIdentifiers(IEnumerable<PersonIdentifier> sent) =>
        sent.Where(i => Identifiers.Contains(i.Type) && !string.IsNullOrWhiteSpace(i.Value));
}
