using System.Diagnostics;
using System.Net;
using IntegrationHub.Testing;
using IntegrationHub.Testing.BoardSeeding;

namespace IntegrationHub.Benchmarks;

/// <summary>Each board query's time (the median of its repeats) at each size, and what the hub and PostgreSQL did at the largest.</summary>
public sealed record BoardTimes(int[] Legs, IReadOnlyDictionary<string, double[]> Milliseconds, double[] SeedSeconds, double PeakMegabytes, Profile Largest);

/// <summary>The Corporate Parenting Board's figures, asked for by a board member as the dashboard does, at growing sizes.</summary>
public static class BoardTimings
{
    public static readonly string[] Queries = ["escalations", "timeliness", "declines", "upcoming", "trend"];

    /// <summary>
    /// The board's hub scans the escalation ladder hourly (its longest interval), so not during the measurement: the
    /// seeded legs are overdue by the thousand, and a scan escalating them would be measured beside the board's queries
    /// and would change the figures being read.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> HubSettings = new Dictionary<string, string> { ["Escalations:ScanInterval"] = "01:00:00" };

    public static async Task<BoardTimes> MeasureAsync(HubProcess board, Sizes sizes, Action<string> progress)
    {
        using var member = board.BoardMember();
        var times = Queries.ToDictionary(q => q, _ => new double[sizes.BoardLegs.Length]);
        var seeding = new double[sizes.BoardLegs.Length];
        Profile? largest = null;
        var seeded = 0;
        foreach (var query in Queries)
        {
            await TimeAsync(member, query); // the first call of each compiles its code paths: not a figure
        }

        for (var size = 0; size < sizes.BoardLegs.Length; size++)
        {
            var started = Stopwatch.GetTimestamp();
            // Each size is seeded afresh: the seeder numbers its young people's local authority ids from zero, so it cannot add to its own rows.
            await RealInfrastructure.ExecuteAsync(board.Database, "TRUNCATE young_people, referrals, legs, timeline_entries, escalations CASCADE");
            await BoardSeeder.SeedAsync(HubDatabase.ConnectionString(board), new BoardSeed(RealInfrastructure.TenantId, sizes.BoardLegs[size], DateTimeOffset.UtcNow));
            seeded = sizes.BoardLegs[size];
            seeding[size] = Stopwatch.GetElapsedTime(started).TotalSeconds;
            progress($"board: seeded {seeded:N0} legs in {seeding[size]:0.0} s");

            var profile = await ProfileSampler.StartAsync(board);
            foreach (var query in Queries)
            {
                var repeats = new double[sizes.BoardRepeats];
                for (var i = 0; i < repeats.Length; i++)
                {
                    repeats[i] = await TimeAsync(member, query);
                }

                times[query][size] = repeats.Order().ElementAt(repeats.Length / 2);
                progress($"board: {query} at {seeded:N0} legs: {times[query][size]:0} ms");
            }

            largest = await profile.StopAsync();
        }

        return new BoardTimes(sizes.BoardLegs, times, seeding, PeakMemory.Megabytes(board.ProcessId), largest!);
    }

    static async Task<double> TimeAsync(HttpClient member, string query)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await member.GetAsync($"/api/board/{query}");
        await response.Content.LoadIntoBufferAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK
            ? elapsed
            : throw new InvalidOperationException($"/api/board/{query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
