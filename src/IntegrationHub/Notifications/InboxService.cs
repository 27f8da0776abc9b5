using System.Security.Claims;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Notifications;

/// <summary>
/// Each signed-in user's inbox in the hub: the notifications addressed to them, or to a role they
/// hold at their local authority. A notification to a role is shared by everyone in it, so one of
/// them reading it marks it read for all.
/// </summary>
public sealed class InboxService(HubDbContext db, TimeProvider clock)
{
    /// <summary>Newest first; <paramref name="unread"/> true leaves out what was read.</summary>
    public async Task<List<InboxItem>> ListAsync(ClaimsPrincipal caller, bool? unread, CancellationToken cancellationToken)
    {
        var inbox = InboxOf(caller);
        var query = unread == true ? inbox.Where(n => n.ReadAt == null) : inbox;
        var notifications = await query.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return [.. notifications.Select(InboxItem.From)];
    }

    /// <summary>Marks a notification read; reading it again keeps the first time. Another user's or council's is not found.</summary>
    public async Task<InboxItem?> MarkReadAsync(Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var notification = await InboxOf(caller).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return null;
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return InboxItem.From(notification);
    }

    IQueryable<Notification> InboxOf(ClaimsPrincipal caller)
    {
        var user = HubUser.From(caller);

        // Every role the caller holds that notifications are addressed to; an agency's workers see their agency's.
        List<string> roles =
        [
            .. HubRoles.EscalationRoles.Where(caller.IsInRole),
            .. user is { Role: HubRoles.Agency, Agency: { } agency } ? [NotificationOptions.AgencyRole(agency)] : Array.Empty<string>(),
        ];
        // A notice to an agency's role is for one organisation of it; staff roles' notices name none, as staff have none.
        var organisation = user.Role == HubRoles.Agency ? user.Organisation : null;
        return db.Notifications.Where(n =>
            n.UserId == user.Id || (n.UserId == null && n.Role != null && roles.Contains(n.Role) && n.Organisation == organisation));
    }
}
