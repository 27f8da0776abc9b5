namespace IntegrationHub.Referrals;

/// <summary>The local authorities the hub serves, by tenant id (the <c>local_authority</c> claim).</summary>
public sealed class TenantOptions
{
    public const string Section = "Tenants";

    /// <summary>By tenant id: the council's name as agencies should see it, e.g. "London Borough of Barnet".</summary>
    public Dictionary<string, TenantDetails> LocalAuthorities { get; set; } = [];

    public string NameOf(string tenantId) => LocalAuthorities.TryGetValue(tenantId, out var tenant) ? tenant.Name : tenantId;
}

public sealed class TenantDetails
{
    public string Name { get; set; } = "";
}
