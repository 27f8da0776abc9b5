using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>Sends at a steady rate, each send on a schedule fixed from the start, not after the previous one returns.</summary>
public static class Pace
{
    public static async Task RunAsync(int perSecond, TimeSpan duration, Func<int, Task> send)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds(i / (double)perSecond) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            sends.Add(send(i));
        }

        await Task.WhenAll(sends);
    }

    /// <summary>Sends <paramref name="count"/> as fast as the sender takes them, <paramref name="window"/> awaiting at a time.</summary>
    public static Task FloodAsync(int count, int window, Func<int, Task> send) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = window }, async (i, _) => await send(i));
}
