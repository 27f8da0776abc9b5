using System.Globalization;
using System.Text;

namespace IntegrationHub.Benchmarks;

/// <summary>The run's figures and targets as Markdown: printed to the console and written as the dated report.</summary>
public static class Report
{
    public static string Figures(Results r)
    {
        var text = new StringBuilder();
        Line(text, "| figure | measured | ratio to the anchor |");
        Line(text, "| --- | ---: | --- |");
        Line(text, $"| raw RabbitMQ.Client, saturated | {r.Raw.MessagesPerSecond:N0} msgs/s | the anchor |");
        Line(text, $"| raw RabbitMQ.Client, p50 / p99 at {Rate(r)} | {r.Raw.Paced.P50:0.0} / {r.Raw.Paced.P99:0.0} ms | the anchor |");
        Line(text, $"| bare MassTransit, saturated | {r.MassTransit.MessagesPerSecond:N0} msgs/s | {r.MassTransit.MessagesPerSecond / r.Raw.MessagesPerSecond:P1} of raw |");
        Line(text, $"| bare MassTransit, p50 / p99 at {Rate(r)} | {r.MassTransit.Paced.P50:0.0} / {r.MassTransit.Paced.P99:0.0} ms | p99 {r.MassTransit.Paced.P99 / r.Raw.Paced.P99:0.0}× raw |");
        Line(text, $"| hub leg deliveries, saturated ({r.Hub.LegsDelivered:N0} of {r.Hub.LegsExpected:N0} legs) | {r.Hub.LegsPerSecond:N0} legs/s | {r.Hub.LegsPerSecond / r.Raw.MessagesPerSecond:P1} of raw, {r.Hub.LegsPerSecond / r.MassTransit.MessagesPerSecond:P1} of MassTransit |");
        Line(text, $"| hub submit → delivered, p50 / p99 ({r.Hub.Paced.Samples:N0} legs{(r.Hub.PacedMissing > 0 ? $", {r.Hub.PacedMissing:N0} not delivered in time" : "")}) | {r.Hub.Paced.P50:N0} / {r.Hub.Paced.P99:N0} ms | p99 {r.Hub.Paced.P99 / r.Raw.Paced.P99:0.0}× raw |");
        Line(text, $"| submissions turned away with 503 (the hub overloaded), each sent again after its Retry-After | {r.Hub.Overloaded:N0} | |");
        Line(text, $"| answers applied | {r.Hub.AnswersApplied:N0} of {r.Hub.AnswersSent:N0}, the last {r.Hub.AnswersSettledIn.TotalSeconds:0.0} s after the agencies sent them | |");
        Line(text, $"| hub peak resident memory (VmHWM), end to end | {r.HubPeakMegabytes:N0} MB | |");
        Line(text, $"| board hub peak resident memory (VmHWM), to {r.Board.Legs[^1]:N0} legs | {r.Board.PeakMegabytes:N0} MB | |");
        text.AppendLine();
        return text.Append(Board(r.Board)).ToString();
    }

    /// <summary>The board's table alone: each query's median at each size, and the seeding's time.</summary>
    public static string Board(BoardTimes board)
    {
        var text = new StringBuilder();
        Line(text, $"| board query (median of repeats) | {string.Join(" | ", board.Legs.Select(l => $"{l:N0} legs"))} |");
        Line(text, $"| --- | {string.Join(" | ", board.Legs.Select(_ => "---:"))} |");
        foreach (var (query, ms) in board.Milliseconds)
        {
            Line(text, $"| {query} | {string.Join(" | ", ms.Select(t => $"{t:N0} ms"))} |");
        }

        Line(text, $"| (seeding by COPY) | {string.Join(" | ", board.SeedSeconds.Select(s => $"{s:0.0} s"))} |");
        return text.ToString();
    }

    public static string TargetTable(IReadOnlyList<Target> targets)
    {
        var text = new StringBuilder();
        Line(text, "| target | measured | limit | |");
        Line(text, "| --- | --- | --- | --- |");
        foreach (var t in targets)
        {
            Line(text, $"| {t.Name} | {t.Measured} | {t.Limit} | {(t.Met ? "met" : "**missed**")} |");
        }

        return text.ToString();
    }

    public static string Document(Results r, IReadOnlyList<Target> targets, string latencyChart, string boardChart)
    {
        var text = new StringBuilder();
        Line(text, $"# Benchmark {r.At:yyyy-MM-dd}{(r.Quick ? " (--quick: small counts, a smoke run, not figures to compare)" : "")}");
        text.AppendLine();
        Line(text, $"Run at {r.At:yyyy-MM-dd HH:mm} UTC by `benchmarks/run.sh{(r.Quick ? " --quick" : "")}` on {Environment.ProcessorCount} cores, in {r.Took.TotalMinutes:0.0} minutes; "
            + "private RabbitMQ and PostgreSQL started as `scripts/test.sh` starts them. What each figure is: [the README](../README.md).");
        var others = Math.Max(r.Hub.SaturatedProfile.OtherCores, r.Board.Largest.OtherCores);
        if (others > Profile.Disturbed)
        {
            text.AppendLine();
            Line(text, $"**Other processes kept up to {others:0.00} of {Environment.ProcessorCount} cores busy during the run (see the profile): its figures are not fit to compare; run it again on an idle machine.**");
        }

        text.AppendLine();
        Line(text, "## Figures");
        text.AppendLine();
        text.Append(Figures(r));
        text.AppendLine();
        Line(text, $"![latency percentiles]({latencyChart}) ![board time against data size]({boardChart})");
        text.AppendLine();
        Line(text, "## Targets");
        text.AppendLine();
        text.Append(TargetTable(targets));
        var missed = targets.Where(t => !t.Met).ToList();
        if (missed.Count > 0)
        {
            text.AppendLine();
            Line(text, "## Where targets are missed, and by how much");
            text.AppendLine();
            foreach (var t in missed)
            {
                Line(text, $"- {t.Name}: {t.Shortfall}.");
            }
        }

        text.AppendLine();
        Line(text, "## What the profile shows");
        text.AppendLine();
        Line(text, $"- The hub's saturated run: {r.Hub.SaturatedProfile} ({Hub(r.Hub)}).");
        Line(text, $"- The board's queries at {r.Board.Legs[^1]:N0} legs: {r.Board.Largest}; the board's hub peaked at {r.Board.PeakMegabytes:N0} MB resident.");
        text.AppendLine();
        Line(text, "The statements that took most of PostgreSQL's time in the hub's saturated run, and those it ran most often:");
        text.AppendLine();
        text.Append(r.Hub.SaturatedProfile.Sql.Tables());
        return text.ToString();
    }

    /// <summary>Points the README's "Latest full report" line at this run's report.</summary>
    public static async Task LinkLatestAsync(string readme, string report)
    {
        const string Prefix = "Latest full report:";
        var lines = await File.ReadAllLinesAsync(readme);
        var at = Array.FindIndex(lines, l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (at < 0)
        {
            throw new InvalidOperationException($"{readme} has no line starting '{Prefix}' to point at {report}.");
        }

        lines[at] = $"{Prefix} [{report}]({report})";
        await File.WriteAllLinesAsync(readme, lines);
    }

    /// <summary>
    /// Per leg delivered: the SQL statements and the hub's CPU each cost in the saturated run, and the messages published
    /// to RabbitMQ over a leg's whole journey, from its submission to its agency's answer applied.
    /// </summary>
    public static string Hub(HubFigures hub) => string.Create(
        CultureInfo.InvariantCulture,
        $"per leg delivered: {(double)hub.SaturatedProfile.Sql.Statements / hub.LegsDelivered:0.0} SQL statements, {hub.SaturatedProfile.HubCores * 1000 / hub.LegsPerSecond:0.0} ms of the hub's CPU, {hub.BrokerMessagesPerLeg:0.0} messages published to RabbitMQ from its submission to its answer applied");

    static string Rate(Results r) => r.Quick ? "200/s (quick)" : "200/s";

    static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    static void Line(StringBuilder text, string line) => text.AppendLine(line);
}
