using IntegrationHub.IntegrationTests;
using IntegrationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.FaultTests;

/// <summary>
/// Where the messages a fault held up are now, for a failing fault test to print: the hub's outbox by state, every queue
/// of the run's virtual host with its depth and consumers, and the first of the hub's logged errors.
/// </summary>
public static class Whereabouts
{
    public static async Task<string> DescribeAsync(HubOnRealInfrastructure hub, HubErrors errors)
    {
        var now = DateTimeOffset.UtcNow;
        var outbox = await hub.QueryAsync(db => db.Outbox.AsNoTracking()
            .GroupBy(m => new
            {
                Sent = m.SentAt != null,
                Parked = m.ParkedAt != null,
                Leased = m.LockedUntil != null && m.LockedUntil > now,
                Delayed = m.NextAttemptAt != null && m.NextAttemptAt > now,
                Retried = m.Attempts > 0,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync());
        var lastError = await hub.QueryAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.LastError != null).Select(m => m.LastError).FirstOrDefaultAsync());
        var queues = await RealInfrastructure.RabbitCtlAsync("list_queues", "-p", hub.VirtualHost, "--quiet", "--no-table-headers", "name", "messages", "messages_unacknowledged", "consumers");
        // One of each kind of error, in full, with how many of that kind: thousands of one kind would hide a rarer one.
        var kinds = errors.Logged.GroupBy(Kind).Select(g => $"{g.Count()} x {Shorten(g.First())}");
        return string.Join('\n',
        [
            "outbox (sent, parked, leased, delayed, retried: count):",
            .. outbox.Select(o => $"  {o.Key.Sent}, {o.Key.Parked}, {o.Key.Leased}, {o.Key.Delayed}, {o.Key.Retried}: {o.Count}"),
            $"  an unsent message's last error: {lastError ?? "none"}",
            "queues (name, ready, unacknowledged, consumers):",
            .. queues.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(q => $"  {q}"),
            $"hub errors logged: {errors.Logged.Count}, by kind:",
            .. kinds.Select(e => $"  {e}"),
        ]);
    }

    /// <summary>An error's category and the start of its message, up to the first address, id or number in it.</summary>
    static string Kind(string error) => new(error.Split('\n')[0].TakeWhile(c => !char.IsDigit(c)).ToArray());

    static string Shorten(string error) => error.Length <= 3000 ? error : error[..3000] + " ...";
}
