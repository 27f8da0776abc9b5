using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Tests.Notifications;

/// <summary>A hub with no mail server configured: e-mail is off and the inbox still works.</summary>
public sealed class InboxWithoutEmailTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Without_a_mail_server_the_inbox_still_works()
    {
        using var pa = hub.PersonalAdviser(userId: "pa-no-mail");
        var (_, leg) = await pa.ReferOneAsync(Accommodation, Housing);
        using var teamManager = hub.CreateClient(hub.Token("tm-no-mail", HubRoles.TeamManager, HubFactory.TenantA));

        var escalation = await teamManager.RaiseEscalationAsync(leg, "Still waiting.", 1);

        Assert.Single(await teamManager.WaitForNotificationsAsync(escalation.Id));
        Assert.Single(await pa.WaitForNotificationsAsync(escalation.Id));
        Assert.All(
            await hub.QueryAsync(db => db.Notifications.Where(n => n.EscalationId == escalation.Id).Select(n => n.EmailedAt).ToListAsync()),
            at => Assert.Null(at));
    }
}
