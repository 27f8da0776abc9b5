using System.Security.Claims;
using IntegrationHub.Notifications;
using IntegrationHub.Security;

namespace IntegrationHub.Tests.Notifications;

/// <summary>The inbox service itself, as both the inbox API and the workspace's inbox page call it.</summary>
public class InboxServiceTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static ClaimsPrincipal Caller(string userId, string role) => new(new ClaimsIdentity(
        [new Claim("oid", userId), new Claim(HubClaims.LocalAuthority, HubFactory.TenantA), new Claim(ClaimTypes.Role, role)], "test"));

    [Fact]
    public async Task Reading_a_notification_again_keeps_the_first_time_and_another_users_is_not_found()
    {
        var notification = new Notification
        {
            Id = Guid.NewGuid(),
            TenantId = HubFactory.TenantA,
            UserId = "pa-7",
            Subject = "Sanction proposed",
            Body = "The Jobcentre proposes a sanction.",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await hub.QueryAsync(db =>
        {
            db.Notifications.Add(notification);
            return db.SaveChangesAsync();
        });
        var owner = Caller("pa-7", HubRoles.PersonalAdviser);

        var first = await hub.CallAsync<InboxService, InboxItem?>(HubUser.From(owner), s => s.MarkReadAsync(notification.Id, owner, default));
        var again = await hub.CallAsync<InboxService, InboxItem?>(HubUser.From(owner), s => s.MarkReadAsync(notification.Id, owner, default));
        var colleague = Caller("pa-8", HubRoles.PersonalAdviser);
        var someoneElse = await hub.CallAsync<InboxService, InboxItem?>(HubUser.From(colleague), s => s.MarkReadAsync(notification.Id, colleague, default));
        var unread = await hub.CallAsync<InboxService, List<InboxItem>>(HubUser.From(owner), s => s.ListAsync(owner, unread: true, default));

        Assert.True(first?.Read);
        // The stored time has the database's precision, not the clock's.
        Assert.Equal(first!.ReadAt!.Value, again!.ReadAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Null(someoneElse);
        Assert.DoesNotContain(unread, i => i.Id == notification.Id);
    }
}
