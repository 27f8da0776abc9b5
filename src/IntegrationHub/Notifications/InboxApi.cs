using System.Security.Claims;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Notifications;

/// <summary>Each signed-in user's inbox in the hub (<see cref="InboxService"/>).</summary>
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

    static async Task<Ok<List<InboxItem>>> ListAsync(InboxService inbox, ClaimsPrincipal principal, bool? unread, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.ListAsync(principal, unread, cancellationToken));

    static async Task<Results<Ok<InboxItem>, NotFound>> MarkReadAsync(Guid id, InboxService inbox, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(id, principal, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();
}
