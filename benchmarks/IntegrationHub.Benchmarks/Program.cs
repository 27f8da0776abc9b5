using System.Diagnostics;
using System.Globalization;
using IntegrationHub.Benchmarks;

// benchmarks/run.sh runs this with the test script's RabbitMQ and PostgreSQL in HUB_TEST_* (see benchmarks/README.md).
var quick = args.Contains("--quick");
var sizes = quick ? Sizes.Quick : Sizes.Full;
var started = Stopwatch.GetTimestamp();
var at = DateTimeOffset.UtcNow;
void Progress(string line) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0} s] {line}"));

if (args.Contains("--board-only"))
{
    // The board's sizes alone, for working on its queries: printed, no report written (a report compares the hub with its anchors).
    await using var boardOnly = await HubProcess.StartAsync(BoardTimings.HubSettings);
    var times = await BoardTimings.MeasureAsync(boardOnly, sizes, Progress);
    Console.WriteLine();
    Console.Write(Report.Board(times));
    Console.WriteLine($"profile: the board at {times.Legs[^1]:N0} legs: {times.Largest}");
    return;
}

if (args.Contains("--hub-only"))
{
    // The hub end to end alone, for working on its throughput: printed with its profile, no report written.
    await using var hubOnly = await HubProcess.StartAsync(Partners.HubSettings());
    await using var hubPartners = await Partners.ConnectAsync(hubOnly.VirtualHost);
    Progress($"hub: started as process {hubOnly.ProcessId}, with three agencies on AMQP");
    var figures = await HubEndToEnd.MeasureAsync(hubOnly, hubPartners, sizes);
    Progress($"hub: {figures.LegsPerSecond:N0} legs/s; p50 {figures.Paced.P50:N0} ms, p99 {figures.Paced.P99:N0} ms; {figures.Overloaded:N0} submissions turned away with 503; peak {PeakMemory.Megabytes(hubOnly.ProcessId):N0} MB");
    Console.WriteLine($"profile: the hub's saturated run: {figures.SaturatedProfile} ({Report.Hub(figures)})");
    Console.WriteLine();
    Console.Write(figures.SaturatedProfile.Sql.Tables());
    return;
}

var raw = await Anchor.MeasureAsync("raw RabbitMQ.Client", sizes, RawRabbitPipe.OpenAsync);
Progress($"raw RabbitMQ.Client: {raw.MessagesPerSecond:N0} msgs/s; p50 {raw.Paced.P50:0.0} ms, p99 {raw.Paced.P99:0.0} ms");
var massTransit = await Anchor.MeasureAsync("bare MassTransit", sizes, MassTransitPipe.OpenAsync);
Progress($"bare MassTransit: {massTransit.MessagesPerSecond:N0} msgs/s; p50 {massTransit.Paced.P50:0.0} ms, p99 {massTransit.Paced.P99:0.0} ms");

HubFigures hubFigures;
double hubPeak;

// Stopped before the board is measured, so its background work shares neither PostgreSQL nor the cores with the board's queries.
await using (var hub = await HubProcess.StartAsync(Partners.HubSettings()))
await using (var partners = await Partners.ConnectAsync(hub.VirtualHost))
{
    Progress("hub: started, with three agencies on AMQP");
    hubFigures = await HubEndToEnd.MeasureAsync(hub, partners, sizes);
    hubPeak = PeakMemory.Megabytes(hub.ProcessId);
}

Progress($"hub: {hubFigures.LegsPerSecond:N0} legs/s; p50 {hubFigures.Paced.P50:N0} ms, p99 {hubFigures.Paced.P99:N0} ms; {hubFigures.Overloaded:N0} submissions turned away with 503; peak {hubPeak:N0} MB");

BoardTimes board;
await using (var boardHub = await HubProcess.StartAsync(BoardTimings.HubSettings))
{
    board = await BoardTimings.MeasureAsync(boardHub, sizes, Progress);
}

var results = new Results(at, quick, raw, massTransit, hubFigures, hubPeak, board, Stopwatch.GetElapsedTime(started));
var targets = Targets.Judge(results);
var directory = Path.Combine(RepositoryRoot(), "benchmarks", "results");
Directory.CreateDirectory(directory);
var name = quick ? $"{at:yyyy-MM-dd}-quick" : $"{at:yyyy-MM-dd}";
var (latencyChart, boardChart) = ($"{name}-latency.svg", $"{name}-board.svg");
Charts.LatencyPercentiles(results, Path.Combine(directory, latencyChart));
Charts.BoardTimes(results, Path.Combine(directory, boardChart));
var report = Path.Combine(directory, $"{name}.md");
await File.WriteAllTextAsync(report, Report.Document(results, targets, latencyChart, boardChart));

if (!quick)
{
    await Report.LinkLatestAsync(Path.Combine(RepositoryRoot(), "benchmarks", "README.md"), $"results/{name}.md");
}

Console.WriteLine();
Console.Write(Report.Figures(results));
Console.WriteLine();
Console.Write(Report.TargetTable(targets));
Console.WriteLine();
Console.WriteLine($"report: {Path.GetRelativePath(RepositoryRoot(), report)} ({targets.Count(t => t.Met)} of {targets.Count} targets met)");
Console.WriteLine($"profile: the hub's saturated run: {hubFigures.SaturatedProfile} ({Report.Hub(hubFigures)})");
Console.WriteLine($"profile: the board at {board.Legs[^1]:N0} legs: {board.Largest}");

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (!File.Exists(Path.Combine(directory.FullName, "IntegrationHub.sln")))
    {
        directory = directory.Parent ?? throw new InvalidOperationException($"No IntegrationHub.sln above {AppContext.BaseDirectory}.");
    }

    return directory.FullName;
}
