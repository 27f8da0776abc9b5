using System.Security.Claims;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Notifications;

/// <summary>
/// Each signed-in user's inbox in the hub: the notifications addressed to them, or to a role they
/// hold at their local authority. A notification to a role is shared by everyone in it, so one of
/// them reading it marks it read for all.
/// </summary>
public static class InboxApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inbox")
            .WithTags("Inbox")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(HubClaims.LocalAuthority));

        api.MapGet("/", ListAsync).WithName("ListInbox");
        api.MapPost("/{id:guid}/read", MarkReadAsync).WithName("MarkNotificationRead");
        return app;
    }

    public sealed record InboxItem(
        Guid Id, string Subject, string Body, Guid? ReferralId, Guid? EscalationId, DateTimeOffset CreatedAt, bool Read, DateTimeOffset? ReadAt)
    {
        public static InboxItem From(Notification n) => new(n.Id, n.Subject, n.Body, n.ReferralId, n.EscalationId, n.CreatedAt, n.ReadAt is not null, n.ReadAt);
    }

    public sealed record Services(HubDbContext Db, AgencyDefinitions Agencies, TimeProvider Clock, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);

        /// <summary>Every role the caller holds that notifications are addressed to; an agency's workers see their agency's.</summary>
        public List<string> Roles { get; } =
        [
            .. NotificationOptions.Roles(Agencies).Where(Principal.IsInRole),
            .. HubUser.From(Principal) is { Role: HubRoles.Agency, Agency: { } agency } ? [NotificationOptions.AgencyRole(agency)] : Array.Empty<string>(),
        ];

        public IQueryable<Notification> Inbox => Db.Notifications.Where(n =>
            n.TenantId == User.TenantId && (n.UserId == User.Id || (n.UserId == null && n.Role != null && Roles.Contains(n.Role))));
    }

    /// <summary>Newest first; <paramref name="unread"/> true leaves out what was read.</summary>
    internal static async Task<Ok<List<InboxItem>>> ListAsync([AsParameters] Services services, bool? unread, CancellationToken cancellationToken)
    {
        var query = unread == true ? services.Inbox.Where(n => n.ReadAt == null) : services.Inbox;
        var notifications = await query.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(notifications.Select(InboxItem.From).ToList());
    }

    /// <summary>Marks a notification read; reading it again keeps the first time. Another user's or council's is not found.</summary>
    internal static async Task<Results<Ok<InboxItem>, NotFound>> MarkReadAsync(Guid id, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var notification = await services.Inbox.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return TypedResults.NotFound();
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = services.Clock.GetUtcNow();
            await services.Db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(InboxItem.From(notification));
    }
}
