using System.Diagnostics;
using System.Globalization;
using IntegrationHub.Testing;

namespace IntegrationHub.Benchmarks;

/// <summary>
/// Where the time went while the hub was measured: how many cores the hub, PostgreSQL (its postmaster and backends)
/// and RabbitMQ kept busy on average, and the most messages that waited in the hub's outbox at once. A hub that keeps
/// none of them busy while its outbox grows waits on round trips in series, not on a resource.
/// The machine's busy cores less those of the measured processes and of the benchmark itself (its clients and
/// partners) are other processes' (another build): figures measured beside them are not for comparing.
/// </summary>
public sealed record Profile(TimeSpan Wall, double HubCores, double PostgresCores, double RabbitCores, double BenchmarkCores, double MachineCores, long PeakOutboxBacklog, SqlProfile Sql)
{
    /// <summary>More than this many cores busy in other processes makes the run's figures unfit to compare.</summary>
    public const double Disturbed = 0.25;

    public double OtherCores => Math.Max(0, MachineCores - HubCores - PostgresCores - RabbitCores - BenchmarkCores);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"over {Wall.TotalSeconds:0.0} s the hub kept {HubCores:0.00} cores busy, PostgreSQL {PostgresCores:0.00}, RabbitMQ {RabbitCores:0.00}, the benchmark's own clients {BenchmarkCores:0.00}, other processes {OtherCores:0.00} (of {Environment.ProcessorCount}); at most {PeakOutboxBacklog:N0} messages waited in the outbox; the hub's database ran {Sql.Statements:N0} SQL statements");
}

/// <summary>CPU time a process has used, from /proc.</summary>
public static class ProcessCpu
{
    /// <summary>Linux's USER_HZ: /proc reports CPU time in these ticks.</summary>
    const double TicksPerSecond = 100;

    public static double Seconds(int pid, bool withChildren)
    {
        var own = Stat(pid);
        var seconds = own is null ? 0 : (own[11] + own[12] + own[13] + own[14]) / TicksPerSecond;
        if (!withChildren)
        {
            return seconds;
        }

        // A postmaster's live backends: its cutime/cstime above holds only those it has already reaped.
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var child) && Stat(child) is { } stat && stat[1] == pid)
            {
                seconds += (stat[11] + stat[12]) / TicksPerSecond;
            }
        }

        return seconds;
    }

    /// <summary>CPU time the whole machine spent busy (not idle, not waiting for I/O), from /proc/stat.</summary>
    public static double MachineSeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (cpu.Sum() - cpu[3] - cpu[4]) / TicksPerSecond;
    }

    /// <summary>The numeric fields of /proc/[pid]/stat after the command's name, from the state on (index 1 is the parent's pid).</summary>
    static long[]? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended between listing and reading
        }

        return [.. text[(text.LastIndexOf(')') + 2)..].Split(' ').Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var n) ? n : 0)];
    }
}

/// <summary>Samples the processes' CPU time at the start and the end, and the outbox's backlog every half second between.</summary>
public sealed class ProfileSampler
{
    readonly HubProcess hub;
    readonly int postgres = int.Parse(RealInfrastructure.Require("HUB_BENCH_POSTGRES_PID"), CultureInfo.InvariantCulture);
    readonly int rabbit = int.Parse(RealInfrastructure.Require("HUB_BENCH_RABBITMQ_PID"), CultureInfo.InvariantCulture);
    readonly long start = Stopwatch.GetTimestamp();
    readonly (double Hub, double Postgres, double Rabbit, double Benchmark, double Machine) before;
    readonly IReadOnlyDictionary<long, SqlStatement> statementsBefore;
    readonly CancellationTokenSource stop = new();
    readonly Task<long> backlog;

    ProfileSampler(HubProcess hub, IReadOnlyDictionary<long, SqlStatement> statementsBefore)
    {
        this.hub = hub;
        this.statementsBefore = statementsBefore;
        before = Cpu();
        backlog = PeakBacklogAsync();
    }

    public static async Task<ProfileSampler> StartAsync(HubProcess hub) => new(hub, await SqlProfile.StatementsAsync(hub));

    public async Task<Profile> StopAsync()
    {
        var after = Cpu();
        var statementsAfter = await SqlProfile.StatementsAsync(hub);
        var wall = Stopwatch.GetElapsedTime(start);
        await stop.CancelAsync();
        var peak = await backlog;
        stop.Dispose();
        return new Profile(
            wall,
            (after.Hub - before.Hub) / wall.TotalSeconds,
            (after.Postgres - before.Postgres) / wall.TotalSeconds,
            (after.Rabbit - before.Rabbit) / wall.TotalSeconds,
            (after.Benchmark - before.Benchmark) / wall.TotalSeconds,
            (after.Machine - before.Machine) / wall.TotalSeconds,
            peak,
            SqlProfile.Between(statementsBefore, statementsAfter));
    }

    (double Hub, double Postgres, double Rabbit, double Benchmark, double Machine) Cpu() =>
        (ProcessCpu.Seconds(hub.ProcessId, withChildren: false), ProcessCpu.Seconds(postgres, withChildren: true), ProcessCpu.Seconds(rabbit, withChildren: false),
            ProcessCpu.Seconds(Environment.ProcessId, withChildren: false), ProcessCpu.MachineSeconds());

    async Task<long> PeakBacklogAsync()
    {
        var peak = 0L;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, await HubDatabase.CountAsync(hub, "SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL"));
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stop.Token);
            }
            catch (OperationCanceledException)
            {
                break; // stopped: the peak so far is the answer
            }
        }

        return peak;
    }
}
