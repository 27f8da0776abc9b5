using IntegrationHub.Contracts.V1;
using IntegrationHub.Outbox;
using IntegrationHub.Testing;

namespace IntegrationHub.IntegrationTests.Outbox;

/// <summary>
/// On PostgreSQL several dispatch loops claim batches at once (each skipping the rows another is claiming) and send each
/// batch concurrently: every message reaches its queue once, and a leg's messages in the order they were written.
/// </summary>
public sealed class OutboxDispatchTests(OutboxDispatchTests.ManyLoopsHub hub) : IClassFixture<OutboxDispatchTests.ManyLoopsHub>
{
    const string Queue = "outbox-dispatch-test";
    const int Sequences = 40;
    const int PerSequence = 10;

    public sealed class ManyLoopsHub : HubOnRealInfrastructure
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Outbox:DispatchLoops"] = "4",
            ["Outbox:BatchSize"] = "10",
        };
    }

    [Fact]
    public async Task Messages_claimed_by_several_loops_arrive_once_each_and_each_sequence_in_its_order()
    {
        _ = hub.Server;
        var written = DateTimeOffset.UtcNow.AddMinutes(-1);
        // Interleaved: message k of every sequence is written before message k + 1 of any.
        var messages = Enumerable.Range(0, PerSequence)
            .SelectMany(k => Enumerable.Range(0, Sequences).Select(s => Message($"leg:{s}", written.AddMilliseconds((k * Sequences) + s))))
            .ToList();
        await using var rabbit = await RawRabbit.ConnectAsync(hub.VirtualHost);

        await hub.QueryAsync(db =>
        {
            db.Outbox.AddRange(messages);
            return db.SaveChangesAsync();
        });
        await rabbit.WaitForQueueAsync(Queue, TimeSpan.FromSeconds(30));
        var arrived = await rabbit.ConsumeAsync(Queue);
        var received = new List<Guid>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (received.Count < messages.Count)
        {
            received.Add(Guid.Parse((await arrived.ReadAsync(patience.Token)).MessageId!));
        }

        Assert.Equal(messages.Count, received.Distinct().Count());
        Assert.Equal(messages.Select(m => m.Id).Order(), received.Order());
        var position = received.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        foreach (var sequence in messages.GroupBy(m => m.SequenceKey))
        {
            var arrivals = sequence.OrderBy(m => m.CreatedAt).Select(m => position[m.Id]).ToList();
            Assert.True(arrivals.SequenceEqual(arrivals.Order()), $"{sequence.Key}'s messages arrived at positions {string.Join(", ", arrivals)}, not in the order written.");
        }
    }

    static OutboxMessage Message(string sequence, DateTimeOffset written) => new()
    {
        Id = Guid.NewGuid(),
        MessageType = typeof(LegAcknowledged).FullName!,
        Body = "{}",
        Destination = Queue,
        SequenceKey = sequence,
        CreatedAt = written,
    };
}
