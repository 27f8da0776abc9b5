using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>
/// A way of moving the 2 KB message from a publisher to a consumer in this process: publish stamps it with the
/// <see cref="Stopwatch"/> timestamp it was sent at, and the consumer hands that back to <see cref="Arrivals"/>.
/// </summary>
public interface IMessagePipe : IAsyncDisposable
{
    Task PublishAsync(long sentAt);
}

/// <summary>What one anchor measured: saturated throughput and latency at a steady rate.</summary>
public sealed record AnchorFigures(string Name, double MessagesPerSecond, Percentiles Paced);

/// <summary>The consumer's side of a measurement: how many arrived, how long each took, and when the last expected one came.</summary>
public sealed class Arrivals
{
    int arrived;
    int expected;
    Latencies latencies = new();
    TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Expect(int count)
    {
        (arrived, expected, latencies) = (0, count, new Latencies());
        all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Arrived(long sentAt)
    {
        latencies.Add(sentAt, Stopwatch.GetTimestamp());
        if (Interlocked.Increment(ref arrived) == expected)
        {
            all.TrySetResult();
        }
    }

    public async Task<Latencies> AllAsync(TimeSpan patience)
    {
        try
        {
            await all.Task.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{arrived} of {expected} messages arrived within {patience.TotalSeconds:0} s.");
        }

        return latencies;
    }
}

/// <summary>Runs the same two measurements over any <see cref="IMessagePipe"/>.</summary>
public static class Anchor
{
    const int Window = 256;
    const int WarmUp = 500;
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<AnchorFigures> MeasureAsync(string name, Sizes sizes, Func<Arrivals, Task<IMessagePipe>> open)
    {
        var arrivals = new Arrivals();
        await using var pipe = await open(arrivals);

        // Connections, channels and the JIT warmed before anything is timed.
        arrivals.Expect(WarmUp);
        await Pace.FloodAsync(WarmUp, Window, _ => pipe.PublishAsync(Stopwatch.GetTimestamp()));
        await arrivals.AllAsync(Patience);

        arrivals.Expect(sizes.AnchorMessages);
        var start = Stopwatch.GetTimestamp();
        await Pace.FloodAsync(sizes.AnchorMessages, Window, _ => pipe.PublishAsync(Stopwatch.GetTimestamp()));
        await arrivals.AllAsync(Patience);
        var perSecond = sizes.AnchorMessages / Stopwatch.GetElapsedTime(start).TotalSeconds;

        arrivals.Expect((int)(sizes.AnchorRate * sizes.AnchorPacedFor.TotalSeconds));
        await Pace.RunAsync(sizes.AnchorRate, sizes.AnchorPacedFor, _ => pipe.PublishAsync(Stopwatch.GetTimestamp()));
        var paced = await arrivals.AllAsync(Patience);

        return new AnchorFigures(name, perSecond, paced.Summarise());
    }

    /// <summary>The 2 KB body both anchors carry: the size of a referral leg's JSON.</summary>
    public static readonly string Payload = new('x', 2048);
}
