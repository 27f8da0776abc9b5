namespace IntegrationHub.Adapters.Channels;

/// <summary>Every agency format this process knows, whether or not it runs that agency's adapter.</summary>
public sealed class AgencyFormats(IEnumerable<IAgencyFormat> formats)
{
    readonly Dictionary<string, IAgencyFormat> byAgency = formats.ToDictionary(f => f.Agency);

    public IEnumerable<string> Agencies => byAgency.Keys;

    public IAgencyFormat For(string agency) =>
        byAgency.TryGetValue(agency, out var format) ? format : throw new InvalidOperationException($"No format for agency '{agency}'.");
}
