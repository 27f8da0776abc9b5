using System.Collections.Concurrent;
using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>Latencies in milliseconds, measured between two <see cref="Stopwatch"/> timestamps of this process.</summary>
public sealed class Latencies
{
    readonly ConcurrentQueue<double> samples = new();

    public int Count => samples.Count;

    public void Add(long startedAt, long endedAt) => samples.Enqueue(Stopwatch.GetElapsedTime(startedAt, endedAt).TotalMilliseconds);

    public Percentiles Summarise()
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? throw new InvalidOperationException("No latency was measured.") : new Percentiles(sorted);
    }
}

/// <summary>Percentiles of sorted samples, by nearest rank: the p99 of 200 samples is the 198th.</summary>
public sealed class Percentiles(double[] sorted)
{
    public static readonly double[] Charted = [0.50, 0.90, 0.99, 0.999, 1.0];

    public int Samples => sorted.Length;

    public double P50 => At(0.50);

    public double P99 => At(0.99);

    public double At(double quantile) => sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
