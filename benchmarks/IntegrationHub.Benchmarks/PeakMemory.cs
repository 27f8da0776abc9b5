using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>A process's peak resident memory so far: the kernel's high-water mark (VmHWM), not a sample that can miss the peak.</summary>
public static class PeakMemory
{
    public static double Megabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }
}
