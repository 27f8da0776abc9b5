using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Tests.Notifications;

/// <summary>The mail server is down when an escalation is raised: nothing is lost, and it is all sent once the server is back.</summary>
public sealed class MailOutageTests(OutageHubFactory hub) : IClassFixture<OutageHubFactory>
{
    // The agency's managers have no address configured here: their notification is in the inbox only.
    static readonly string AgencyRole = IntegrationHub.Notifications.NotificationOptions.AgencyRole(Housing);

    [Fact]
    public async Task Notification_stays_unsent_while_the_mail_server_is_down_and_is_sent_once_it_is_back()
    {
        using var pa = hub.PersonalAdviserWithEmail("pa-outage", "pa.outage@council-a.test");
        var (_, leg) = await pa.ReferOneAsync(Accommodation, Housing);
        using var teamManager = hub.Manager(HubRoles.TeamManager);
        var escalation = await teamManager.RaiseEscalationAsync(leg, "Still waiting.", 1);
        await teamManager.WaitForNotificationsAsync(escalation.Id);
        await pa.WaitForNotificationsAsync(escalation.Id);

        var down = await hub.SendMailAsync();
        var again = await hub.SendMailAsync();

        Assert.Equal((0, 1), (down.Sent, down.Failed));
        Assert.Equal((0, 1), (again.Sent, again.Failed));
        Assert.Equal(
            [null, null],
            await hub.QueryAsync(db => db.Notifications.Where(n => n.EscalationId == escalation.Id && n.Role != AgencyRole).Select(n => n.EmailedAt).ToListAsync()));

        var sink = hub.StartMailServer();
        var back = await hub.SendMailAsync();

        Assert.Equal((2, 0), (back.Sent, back.Failed));
        Assert.Contains(sink.Messages, m => m.Recipients.Contains(MailingHubFactory.TeamManagersA));
        Assert.Contains(sink.Messages, m => m.Recipients.Contains("pa.outage@council-a.test"));
        Assert.All(
            await hub.QueryAsync(db => db.Notifications.Where(n => n.EscalationId == escalation.Id).Select(n => n.EmailedAt).ToListAsync()),
            at => Assert.NotNull(at));

        // Sent is sent: the next pass sends nothing twice.
        Assert.Equal(0, (await hub.SendMailAsync()).Sent);
        Assert.Equal(2, sink.Messages.Count);
    }
}
