using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Auditing;

/// <summary>Records every read of a young person's personal data.</summary>
public sealed class AuditLog(HubDbContext db, CorrelationContext correlation, TimeProvider clock)
{
    public Task RecordReadAsync(
        HubUser user, string resourceType, Guid resourceId, Guid youngPersonId, string? basis, CancellationToken cancellationToken)
    {
        Add(user, resourceType, resourceId, youngPersonId, basis);
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a list read: one entry for each young person whose data was returned.</summary>
    public Task RecordReadsAsync(HubUser user, string resourceType, IEnumerable<Guid> youngPersonIds, string? basis, CancellationToken cancellationToken)
    {
        foreach (var id in youngPersonIds)
        {
            Add(user, resourceType, id, id, basis);
        }

        return db.SaveChangesAsync(cancellationToken);
    }

    void Add(HubUser user, string resourceType, Guid resourceId, Guid youngPersonId, string? basis) => db.Audit.Add(new AuditEntry
    {
        Id = Guid.NewGuid(),
        At = clock.GetUtcNow(),
        ActorId = user.Id,
        ActorRole = user.Role,
        TenantId = user.TenantId,
        Agency = user.Agency,
        Action = "read",
        ResourceType = resourceType,
        ResourceId = resourceId.ToString(),
        YoungPersonId = youngPersonId,
        Basis = basis,
        CorrelationId = correlation.Id,
    });
}
