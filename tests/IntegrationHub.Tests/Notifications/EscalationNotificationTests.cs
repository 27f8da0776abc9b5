using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Notifications;

/// <summary>
/// Who is told of an escalation: its owner (a role of the council) and the referring Personal
/// Adviser, in their inboxes in the hub and by e-mail through a local mail server; never anyone
/// of another council, and never the young person's name.
/// </summary>
public sealed class EscalationNotificationTests(MailingHubFactory hub) : IClassFixture<MailingHubFactory>
{
    [Fact]
    public async Task Raised_escalation_reaches_the_team_managers_and_the_referring_PA_and_reading_marks_it_read()
    {
        using var pa = hub.PersonalAdviserWithEmail("pa-inbox", "pa.inbox@council-a.test");
        var (_, leg) = await pa.ReferOneAsync(Accommodation, Housing);
        using var teamManager = hub.Manager(HubRoles.TeamManager);

        var escalation = await teamManager.RaiseEscalationAsync(leg, "Housing has not answered about Jordan's move.", 1);

        var forManagers = Assert.Single(await teamManager.WaitForNotificationsAsync(escalation.Id));
        Assert.False(forManagers.Read);
        Assert.Equal(leg.ReferralId, forManagers.ReferralId);
        Assert.Contains(leg.ReferralId.ToString(), forManagers.Subject, StringComparison.Ordinal);
        Assert.Contains("Level: 1 (team manager)", forManagers.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", forManagers.Subject + forManagers.Body, StringComparison.Ordinal);
        var forAdviser = Assert.Single(await pa.WaitForNotificationsAsync(escalation.Id));
        Assert.NotEqual(forManagers.Id, forAdviser.Id);

        // Nobody else is told: another council's team managers, another PA, the head of service (level 1 is not theirs).
        using var otherCouncil = hub.Manager(HubRoles.TeamManager, HubFactory.TenantB);
        using var otherAdviser = hub.PersonalAdviser(userId: "pa-someone-else");
        using var headOfService = hub.Manager(HubRoles.HeadOfService);
        Assert.DoesNotContain(await otherCouncil.InboxAsync(), n => n.EscalationId == escalation.Id);
        Assert.DoesNotContain(await otherAdviser.InboxAsync(), n => n.EscalationId == escalation.Id);
        Assert.DoesNotContain(await headOfService.InboxAsync(), n => n.EscalationId == escalation.Id);
        await ExpectAsync(await otherCouncil.MarkReadAsync(forManagers.Id), HttpStatusCode.NotFound);
        await ExpectAsync(await otherAdviser.MarkReadAsync(forAdviser.Id), HttpStatusCode.NotFound);
        await ExpectAsync(await pa.MarkReadAsync(forManagers.Id), HttpStatusCode.NotFound);

        await ExpectAsync(await teamManager.MarkReadAsync(forManagers.Id), HttpStatusCode.OK);

        var read = Assert.Single(await teamManager.InboxAsync(), n => n.Id == forManagers.Id);
        Assert.True(read.Read);
        Assert.NotNull(read.ReadAt);
        Assert.DoesNotContain(await teamManager.InboxAsync(unread: true), n => n.Id == forManagers.Id);
        Assert.False(Assert.Single(await pa.InboxAsync(), n => n.Id == forAdviser.Id).Read);
    }

    [Fact]
    public async Task Team_managers_mailbox_and_the_PA_get_an_email_with_the_referral_reference_and_no_personal_data()
    {
        using var pa = hub.PersonalAdviserWithEmail("pa-mail", "pa.mail@council-a.test");
        var (person, leg) = await pa.ReferOneAsync(Accommodation, Housing);
        using var teamManager = hub.Manager(HubRoles.TeamManager);

        var escalation = await teamManager.RaiseEscalationAsync(leg, $"{person.GivenName} {person.FamilyName} has nowhere to go on Friday.", 1);

        var toManagers = await WaitForMailAsync(MailingHubFactory.TeamManagersA, leg.ReferralId);
        Assert.Equal([MailingHubFactory.TeamManagersA], toManagers.Recipients);
        Assert.Contains("Agency: housing", toManagers.Text, StringComparison.Ordinal);
        Assert.Contains(MailingHubFactory.HubUrl, toManagers.Text, StringComparison.Ordinal);
        foreach (var personal in new[] { person.GivenName, person.FamilyName, "1 Test Street", "AB1 2CD", "9434765919", "AB123456C", "07700 900123" })
        {
            Assert.DoesNotContain(personal, toManagers.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(personal, toManagers.Data, StringComparison.OrdinalIgnoreCase);
        }

        var toAdviser = await WaitForMailAsync("pa.mail@council-a.test", leg.ReferralId);
        Assert.DoesNotContain(person.GivenName, toAdviser.Data, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hub.Sink.Messages, m => m.Recipients.Contains(MailingHubFactory.TeamManagersB));

        await Eventually.WaitAsync(
            () => hub.QueryAsync(db => db.Notifications.Where(n => n.EscalationId == escalation.Id && (n.Role == null || !AgencyRoles.Contains(n.Role))).Select(n => n.EmailedAt).ToListAsync()),
            sent => sent.Count == 2 && sent.All(at => at is not null),
            "both notifications marked e-mailed");
        Assert.Equal(2, hub.Sink.Messages.Count(m => m.Text.Contains(leg.ReferralId.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Redelivered_escalation_raised_writes_no_second_notification()
    {
        using var pa = hub.PersonalAdviserWithEmail("pa-redelivery", "pa.redelivery@council-a.test");
        var (_, leg) = await pa.ReferOneAsync(Accommodation, Housing);
        using var teamManager = hub.Manager(HubRoles.TeamManager);
        var escalation = await teamManager.RaiseEscalationAsync(leg, "Still waiting.", 1);
        await teamManager.WaitForNotificationsAsync(escalation.Id);
        await pa.WaitForNotificationsAsync(escalation.Id);

        // The same message again, as the broker would redeliver it: the outbox id is its message id.
        var original = await hub.QueryAsync(db => db.Outbox.AsNoTracking()
            .SingleAsync(m => m.MessageType == typeof(EscalationRaised).FullName && m.Body.Contains(escalation.Id.ToString())));
        var raised = JsonSerializer.Deserialize<EscalationRaised>(original.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var observer = NotificationQueueObserver.Connect(hub.Bus);
        await hub.Bus.Publish(raised, context => context.MessageId = original.Id);

        await Eventually.WaitAsync(() => observer.TimesHandled(original.Id), times => times >= 1, "the redelivery to be handled");
        Assert.Equal(0, observer.TimesFaulted(original.Id));
        Assert.Equal(2, await hub.QueryAsync(db => db.Notifications.CountAsync(n => n.EscalationId == escalation.Id && (n.Role == null || !AgencyRoles.Contains(n.Role)))));
        Assert.Single(await teamManager.InboxAsync(), n => n.EscalationId == escalation.Id);
        Assert.Single(await pa.InboxAsync(), n => n.EscalationId == escalation.Id);
    }

    [Fact]
    public async Task Escalation_to_the_board_goes_to_its_members_with_the_theme()
    {
        using var pa = hub.PersonalAdviserWithEmail("pa-board", "pa.board@council-a.test");
        var (_, leg) = await pa.ReferOneAsync(Health, Nhs);
        using var headOfService = hub.Manager(HubRoles.HeadOfService);
        using var teamManager = hub.Manager(HubRoles.TeamManager);

        var escalation = await headOfService.RaiseEscalationAsync(leg, "No adult mental health service will take the case.", 3);

        using var boardMember = hub.Manager(HubRoles.BoardMember);
        var forBoard = Assert.Single(await boardMember.WaitForNotificationsAsync(escalation.Id));
        Assert.Contains("board champion for health", forBoard.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await headOfService.InboxAsync(), n => n.EscalationId == escalation.Id);
        Assert.DoesNotContain(await teamManager.InboxAsync(), n => n.EscalationId == escalation.Id);
        await WaitForMailAsync(MailingHubFactory.BoardA, leg.ReferralId);
    }

    /// <summary>The agencies' managers' roles: left out where a test counts what the council is told.</summary>
    static readonly List<string> AgencyRoles = [.. IntegrationHub.Contracts.V1.AgencyCodes.All.Select(IntegrationHub.Notifications.NotificationOptions.AgencyRole)];

    [Fact]
    public async Task The_organisation_the_leg_went_to_is_told_and_e_mailed_and_no_other_agency_or_organisation()
    {
        using var pa = hub.PersonalAdviserWithEmail("pa-agency", "pa.agency@council-a.test");
        var (_, leg) = await pa.ReferOneAsync(Health, Nhs);
        using var teamManager = hub.Manager(HubRoles.TeamManager);

        var escalation = await teamManager.RaiseEscalationAsync(leg, "CAMHS has not offered an appointment.", 1);

        using var nhs = hub.AgencyWorker(Nhs);
        var forNhs = Assert.Single(await nhs.WaitForNotificationsAsync(escalation.Id));
        Assert.Equal(leg.ReferralId, forNhs.ReferralId);
        var (sentTo, toldOrganisation) = await hub.QueryAsync(async db => (
            (await db.Legs.SingleAsync(l => l.Id == leg.LegId)).Recipient.Code,
            await db.Notifications.Where(n => n.Id == forNhs.Id).Select(n => n.Organisation).SingleAsync()));
        Assert.Equal(sentTo, toldOrganisation);
        using var housing = hub.AgencyWorker(Housing);
        Assert.DoesNotContain(await housing.InboxAsync(), n => n.EscalationId == escalation.Id);
        using var otherCouncilNhs = hub.AgencyWorker(Nhs, HubFactory.TenantB);
        Assert.DoesNotContain(await otherCouncilNhs.InboxAsync(), n => n.EscalationId == escalation.Id);

        var mailed = await WaitForMailAsync(MailingHubFactory.NhsOfTenantA, leg.ReferralId);
        Assert.Equal([MailingHubFactory.NhsOfTenantA], mailed.Recipients);
        await Eventually.WaitAsync<DateTimeOffset?>(
            () => hub.QueryAsync(db => db.Notifications.Where(n => n.Id == forNhs.Id).Select(n => n.EmailedAt).SingleAsync()),
            at => at is not null,
            "the NHS organisation's notice marked e-mailed");
        Assert.DoesNotContain(hub.Sink.Messages, m => m.Recipients.Contains(MailingHubFactory.LeedsIcb));
    }

    [Fact]
    public async Task Moving_up_and_resolving_tell_the_new_owner_and_the_PA()
    {
        using var pa = hub.PersonalAdviserWithEmail("pa-ladder", "pa.ladder@council-a.test");
        var (_, leg) = await pa.ReferOneAsync(Accommodation, Housing);
        using var teamManager = hub.Manager(HubRoles.TeamManager);
        using var headOfService = hub.Manager(HubRoles.HeadOfService);
        var escalation = await teamManager.RaiseEscalationAsync(leg, "Still waiting.", 1);
        await pa.WaitForNotificationsAsync(escalation.Id);

        // The ladder moves it up, as its scanner does when it is due.
        var now = DateTimeOffset.UtcNow;
        await hub.QueryAsync(db => db.Escalations.Where(e => e.Id == escalation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Level, 2).SetProperty(e => e.Owner, "head-of-service")));
        await hub.Bus.Publish(new EscalationLevelChanged(escalation.Id, HubFactory.TenantA, 1, 2, "Unresolved when due", "head-of-service", now, now.AddDays(14)));

        var movedUp = Assert.Single(await headOfService.WaitForNotificationsAsync(escalation.Id));
        Assert.Contains("moved from level 1 to level 2", movedUp.Body, StringComparison.Ordinal);
        await pa.WaitForNotificationsAsync(escalation.Id, count: 2);

        var resolved = await headOfService.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation("Jordan has a room from Monday."));
        await ExpectAsync(resolved, HttpStatusCode.OK);

        var told = await headOfService.WaitForNotificationsAsync(escalation.Id, count: 2);
        var resolution = Assert.Single(told, n => n.Subject.StartsWith("Escalation resolved", StringComparison.Ordinal));
        Assert.DoesNotContain("Jordan", resolution.Body, StringComparison.Ordinal);
        await pa.WaitForNotificationsAsync(escalation.Id, count: 3);
        Assert.Single(await teamManager.InboxAsync(), n => n.EscalationId == escalation.Id);
    }

    [Fact]
    public async Task Inbox_is_only_for_signed_in_users()
    {
        using var anonymous = hub.CreateClient();

        await ExpectAsync(await anonymous.GetAsync("/api/inbox"), HttpStatusCode.Unauthorized);
        await ExpectAsync(await anonymous.PostAsync($"/api/inbox/{Guid.NewGuid()}/read", null), HttpStatusCode.Unauthorized);
    }

    async Task<SinkMessage> WaitForMailAsync(string to, Guid referralId)
    {
        var mail = await Eventually.WaitAsync(
            () => hub.Sink.Messages.Where(m => m.Recipients.Contains(to) && m.Text.Contains(referralId.ToString(), StringComparison.Ordinal)).ToList(),
            found => found.Count > 0,
            $"an e-mail to {to} about referral {referralId}");
        return Assert.Single(mail);
    }
}
