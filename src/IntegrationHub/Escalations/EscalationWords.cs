using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Escalations;

/// <summary>How escalations and their notices word agencies, services and plan sections, from the agencies' definitions.</summary>
public static class EscalationWords
{
    /// <summary>The agency opening a sentence, e.g. "The housing authority".</summary>
    public static string Opening(AgencyDefinition agency) => string.Concat(char.ToUpperInvariant(agency.NameInSentence[0]).ToString(), agency.NameInSentence[1..]);

    /// <summary>
    /// What kind of leg, inside a sentence: the service when one is named (e.g. "adult mental health"),
    /// else the agency's short name, lower-cased unless it is an initialism ("probation", "NHS").
    /// </summary>
    public static string LegOf(AgencyDefinition agency, string? service) =>
        service is not null ? Service(service)
        : agency.Name.Length > 1 && char.IsUpper(agency.Name[1]) ? agency.Name
        : string.Concat(char.ToLowerInvariant(agency.Name[0]).ToString(), agency.Name[1..]);

    /// <summary>A service of <see cref="OrganisationServices"/> inside a sentence, e.g. "CAMHS", "adult mental health".</summary>
    public static string Service(string service) => service == OrganisationServices.Camhs ? "CAMHS" : service.Replace('-', ' ');

    /// <summary>Plan sections as alternatives, e.g. "health or practical skills".</summary>
    public static string EitherOf(IReadOnlyList<string> sections)
    {
        var words = sections.Select(s => s.Replace('-', ' ')).ToList();
        return words.Count == 1 ? words[0] : $"{string.Join(", ", words[..^1])} or {words[^1]}";
    }
}
