namespace IntegrationHub.Persistence;

/// <summary>
/// The local authority (tenant) one unit of work is for: an HTTP request, a consumed message, a
/// background pass. Every tenant-owned set of <see cref="HubDbContext"/> is filtered by it, and a
/// query made before it was chosen throws: it never guesses, so no query can forget its tenant.
/// A request enters the signed-in caller's local authority (<see cref="PersistenceExtensions.UseCallersTenant"/>);
/// work for one tenant enters that tenant; work that must see every tenant says so with
/// <see cref="SpanAllTenants"/>. Once chosen, a scope can neither move to another tenant nor widen.
/// </summary>
public sealed class TenantScope
{
    string? tenantId;
    string? spanningPurpose;

    /// <summary>Works for this tenant only; entering the tenant already entered changes nothing.</summary>
    /// <exception cref="InvalidOperationException">The scope is already for another tenant, or for all of them.</exception>
    public void Enter(string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (this.tenantId == tenantId)
        {
            return;
        }

        if (this.tenantId is not null || spanningPurpose is not null)
        {
            throw new InvalidOperationException($"This unit of work is already {Described()}; it cannot enter tenant '{tenantId}' as well.");
        }

        this.tenantId = tenantId;
    }

    /// <summary>Sees every tenant's rows, on purpose: <paramref name="purpose"/> says why, e.g. "escalation scan".</summary>
    /// <exception cref="InvalidOperationException">The scope is already for one tenant.</exception>
    public void SpanAllTenants(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        if (tenantId is not null)
        {
            throw new InvalidOperationException($"This unit of work is {Described()}; it cannot span all tenants for {purpose}.");
        }

        spanningPurpose ??= purpose;
    }

    /// <summary>What the tenant query filter compares a row's tenant with: null lets every tenant's rows through.</summary>
    /// <exception cref="InvalidOperationException">No tenant was entered and all were not spanned.</exception>
    internal string? FilterValue => tenantId ?? (spanningPurpose is null ? throw NoTenantChosen() : null);

    /// <summary>A new row must be of the tenant the scope is for (any tenant's, when it spans all).</summary>
    /// <exception cref="InvalidOperationException">The row is of another tenant, or no tenant was chosen.</exception>
    internal void CheckNewRow(string entityName, string? rowTenantId)
    {
        if (FilterValue is { } tenant && rowTenantId != tenant)
        {
            throw new InvalidOperationException(
                $"A new {entityName} of tenant '{rowTenantId}' cannot be saved by a unit of work for tenant '{tenant}'.");
        }
    }

    string Described() => tenantId is not null ? $"for tenant '{tenantId}'" : $"spanning all tenants for {spanningPurpose}";

    static InvalidOperationException NoTenantChosen() => new(
        "No tenant was chosen for this unit of work, so tenant-owned data cannot be read or written. "
        + "An HTTP request enters the signed-in caller's local authority (its local authority claim); other work must call "
        + $"{nameof(TenantScope)}.{nameof(Enter)}(tenant), or {nameof(TenantScope)}.{nameof(SpanAllTenants)}(purpose) when it is meant to see every tenant.");
}
