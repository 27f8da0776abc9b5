using System.Collections.Concurrent;
using IntegrationHub.Contracts.V1;
using MassTransit;

namespace IntegrationHub.Tests;

/// <summary>
/// Stands in for every agency's system: a receive endpoint on each agency queue that records
/// what the hub sent it. Answers are published by the tests themselves, as an agency would.
/// </summary>
public sealed class StubAgencies
{
    readonly ConcurrentDictionary<string, ConcurrentQueue<LegRequested>> requested = new();
    readonly ConcurrentDictionary<string, ConcurrentQueue<LegCancelled>> cancelled = new();

    /// <param name="agencies">The agencies to stand in for (all, unless the hub runs some adapters itself); the others' queues record nothing.</param>
    public static async Task<StubAgencies> ConnectAsync(IBus bus, IReadOnlyCollection<string>? agencies = null)
    {
        var stubs = new StubAgencies();
        foreach (var agency in AgencyCodes.All)
        {
            var requestedHere = stubs.requested.GetOrAdd(agency, _ => new ConcurrentQueue<LegRequested>());
            var cancelledHere = stubs.cancelled.GetOrAdd(agency, _ => new ConcurrentQueue<LegCancelled>());
            if (agencies is not null && !agencies.Contains(agency))
            {
                continue;
            }

            var handle = bus.ConnectReceiveEndpoint(Endpoints.AdapterQueue(agency), e =>
            {
                // The hub sends to the agency's queue; nothing is published to agencies.
                e.ConfigureConsumeTopology = false;
                e.Handler<LegRequested>(context =>
                {
                    requestedHere.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                e.Handler<LegCancelled>(context =>
                {
                    cancelledHere.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
            await handle.Ready;
        }

        return stubs;
    }

    public IReadOnlyList<LegRequested> RequestedAt(string agency) => [.. requested[agency]];

    public IReadOnlyList<LegCancelled> CancelledAt(string agency) => [.. cancelled[agency]];

    /// <summary>Every agency queue's LegRequested messages for one referral, by queue.</summary>
    public IReadOnlyDictionary<string, List<LegRequested>> RequestedFor(Guid referralId) =>
        requested.ToDictionary(q => q.Key, q => q.Value.Where(m => m.ReferralId == referralId).ToList());

    public IReadOnlyDictionary<string, List<LegCancelled>> CancelledFor(Guid referralId) =>
        cancelled.ToDictionary(q => q.Key, q => q.Value.Where(m => m.ReferralId == referralId).ToList());
}
