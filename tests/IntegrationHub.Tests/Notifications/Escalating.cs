using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Escalations;
using IntegrationHub.Notifications;
using IntegrationHub.YoungPeople;
using MassTransit;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Notifications;

/// <summary>What the tests of notifications do: raise an escalation by hand, and read an inbox.</summary>
public static class Escalating
{
    /// <summary>A Personal Adviser refers one plan section of a new young person to one agency.</summary>
    public static async Task<(YoungPersonDetails Person, ReferredLeg Leg)> ReferOneAsync(this HttpClient pa, string section, string agency)
    {
        var (person, referral) = await pa.ReferAsync([section], agency);
        return (person, new ReferredLeg(referral.Id, referral.LegIdOf(agency)));
    }

    /// <summary>A manager raises an escalation of a leg.</summary>
    public static async Task<EscalationSummary> RaiseEscalationAsync(this HttpClient manager, ReferredLeg leg, string reason, int level)
    {
        var response = await manager.PostAsJsonAsync("/api/escalations", new RaiseEscalation(leg.ReferralId, leg.LegId, reason, level));
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<EscalationSummary>())!;
    }

    public static async Task<List<InboxItem>> InboxAsync(this HttpClient client, bool? unread = null)
    {
        var response = await client.GetAsync(unread is null ? "/api/inbox" : $"/api/inbox?unread={unread.Value.ToString().ToLowerInvariant()}");
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<InboxItem>>())!;
    }

    /// <summary>Waits for this many notifications of the escalation in the inbox (about ten seconds at most).</summary>
    public static Task<List<InboxItem>> WaitForNotificationsAsync(this HttpClient client, Guid escalationId, int count = 1) =>
        Eventually.WaitAsync(
            async () => (await client.InboxAsync()).Where(n => n.EscalationId == escalationId).ToList(),
            items => items.Count >= count,
            $"{count} notification(s) of escalation {escalationId}");

    public static Task<HttpResponseMessage> MarkReadAsync(this HttpClient client, Guid notificationId) =>
        client.PostAsync($"/api/inbox/{notificationId}/read", null);
}

/// <summary>A leg of a referral, as the tests escalate it.</summary>
public sealed record ReferredLeg(Guid ReferralId, Guid LegId);

/// <summary>Watches the hub's notification queue: every message it finished with, and every one it failed on.</summary>
public sealed class NotificationQueueObserver : IConsumeObserver
{
    readonly ConcurrentQueue<Guid?> handled = new();
    readonly ConcurrentQueue<Guid?> faulted = new();

    public static NotificationQueueObserver Connect(IBus bus)
    {
        var observer = new NotificationQueueObserver();
        bus.ConnectConsumeObserver(observer);
        return observer;
    }

    public int TimesHandled(Guid messageId) => handled.Count(id => id == messageId);

    public int TimesFaulted(Guid messageId) => faulted.Count(id => id == messageId);

    static bool OnQueue(ConsumeContext context) =>
        context.ReceiveContext.InputAddress.AbsolutePath.EndsWith(NotificationsExtensions.Queue, StringComparison.Ordinal);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (OnQueue(context))
        {
            handled.Enqueue(context.MessageId);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (OnQueue(context))
        {
            faulted.Enqueue(context.MessageId);
        }

        return Task.CompletedTask;
    }
}
