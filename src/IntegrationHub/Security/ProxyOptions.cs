namespace IntegrationHub.Security;

/// <summary>
/// The reverse proxies (an ingress controller, a load balancer) whose X-Forwarded-For and
/// X-Forwarded-Proto the hub believes: only their addresses, so a client cannot claim another
/// address to dodge its rate limit, or claim HTTPS over plain HTTP.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of single proxies, e.g. <c>10.0.0.10</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation, e.g. <c>10.244.0.0/16</c> for a cluster's pod network.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<string> Validate()
    {
        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return $"{Section}:KnownProxies has '{proxy}', which is not an IP address.";
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return $"{Section}:KnownNetworks has '{network}', which is not a network in CIDR notation.";
        }
    }
}
