using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Auditing;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Me;

/// <summary>
/// A young person's own view: their record and their referrals, reached only through the record their sign-in is
/// bound to (<see cref="HubUser.YoungPersonId"/>). A record that is not found (another local authority's, or none)
/// shows nothing. Every read is audited as the young person's own.
/// </summary>
public sealed class MeService(HubDbContext db, YoungPeopleService people, AuditLog audit, AgencyDefinitions agencies, IOptions<TenantOptions> tenants)
{
    public async Task<MyRecord?> GetRecordAsync(HubUser user, CancellationToken cancellationToken)
    {
        if (await OwnRecordAsync(user, cancellationToken) is not { } person)
        {
            return null;
        }

        await audit.RecordReadAsync(user, "young-person", person.Id, person.Id, AuditBases.OwnRecord, cancellationToken);
        return MyRecord.From(person, tenants.Value.NameOf(person.TenantId));
    }

    /// <summary>Their referrals, newest first, each leg in plain words.</summary>
    public async Task<IReadOnlyList<MyReferral>?> ListReferralsAsync(HubUser user, CancellationToken cancellationToken)
    {
        if (await OwnRecordAsync(user, cancellationToken) is not { } person)
        {
            return null;
        }

        var referrals = await db.Referrals
            .Include(r => r.Legs)
            .Where(r => r.YoungPersonId == person.Id)
            .OrderByDescending(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        await audit.RecordReadAsync(user, "referrals", person.Id, person.Id, AuditBases.OwnRecord, cancellationToken);
        return [.. referrals.Select(r => MyReferral.From(r, agencies))];
    }

    /// <summary>The record the young person's sign-in names; only a young person has one.</summary>
    public static Guid OwnRecordId(HubUser user) =>
        user.Role == HubRoles.YoungPerson && user.YoungPersonId is { } id ? id : Guid.Empty;

    async Task<YoungPerson?> OwnRecordAsync(HubUser user, CancellationToken cancellationToken) =>
        OwnRecordId(user) is var id && id != Guid.Empty ? await people.FindInTenantAsync(id, user, cancellationToken) : null;
}
