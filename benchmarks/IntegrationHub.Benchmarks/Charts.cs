using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace IntegrationHub.Benchmarks;

/// <summary>The report's two charts, as SVG files beside it.</summary>
public static class Charts
{
    public static void LatencyPercentiles(Results r, string path)
    {
        var model = Model("Latency at a steady rate: percentiles (ms, log scale)");
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Bottom, Title = "percentile", ItemsSource = Percentiles.Charted.Select(Label).ToArray() });
        model.Axes.Add(new LogarithmicAxis { Position = AxisPosition.Left, Title = "ms", MajorGridlineStyle = LineStyle.Dot, MaximumPadding = 0.1 });
        foreach (var (name, percentiles) in new[]
        {
            ("raw RabbitMQ.Client", r.Raw.Paced),
            ("bare MassTransit", r.MassTransit.Paced),
            ("hub, submit to delivered", r.Hub.Paced),
        })
        {
            var series = new LineSeries { Title = name, MarkerType = MarkerType.Circle };
            series.Points.AddRange(Percentiles.Charted.Select((q, i) => new DataPoint(i, Math.Max(0.01, percentiles.At(q)))));
            model.Series.Add(series);
        }

        Save(model, path);
    }

    public static void BoardTimes(Results r, string path)
    {
        var model = Model("Board query time against data size (log-log)");
        model.Axes.Add(new LogarithmicAxis { Position = AxisPosition.Bottom, Title = "legs", MajorGridlineStyle = LineStyle.Dot, StringFormat = "N0", IntervalLength = 120 });
        model.Axes.Add(new LogarithmicAxis { Position = AxisPosition.Left, Title = "ms (median)", MajorGridlineStyle = LineStyle.Dot, MaximumPadding = 0.1 });
        foreach (var (query, ms) in r.Board.Milliseconds)
        {
            var series = new LineSeries { Title = query, MarkerType = MarkerType.Circle };
            series.Points.AddRange(ms.Select((t, i) => new DataPoint(r.Board.Legs[i], Math.Max(0.1, t))));
            model.Series.Add(series);
        }

        var target = new LineSeries { Title = $"target: {Targets.BoardMilliseconds:0} ms", LineStyle = LineStyle.Dash, Color = OxyColors.Black };
        target.Points.Add(new DataPoint(r.Board.Legs[0], Targets.BoardMilliseconds));
        target.Points.Add(new DataPoint(r.Board.Legs[^1], Targets.BoardMilliseconds));
        model.Series.Add(target);
        Save(model, path);
    }

    static string Label(double quantile) => quantile >= 1 ? "max" : string.Create(CultureInfo.InvariantCulture, $"p{quantile * 100:0.#}");

    static PlotModel Model(string title)
    {
        // Colours that stay apart for five series; the legend below the plot, where it hides no line.
        var model = new PlotModel
        {
            Title = title,
            Background = OxyColors.White,
            // The exporter measures text with Helvetica's metrics: Arial's match them, so labels are not cut short.
            DefaultFont = "Arial",
            DefaultColors = [OxyColor.FromRgb(0x1b, 0x9e, 0x77), OxyColor.FromRgb(0xd9, 0x5f, 0x02), OxyColor.FromRgb(0x75, 0x70, 0xb3), OxyColor.FromRgb(0xe7, 0x29, 0x8a), OxyColor.FromRgb(0x66, 0xa6, 0x1e)],
        };
        model.Legends.Add(new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.BottomCenter, LegendOrientation = LegendOrientation.Horizontal, LegendItemSpacing = 40 });
        return model;
    }

    static void Save(PlotModel model, string path)
    {
        using var stream = File.Create(path);
        new SvgExporter { Width = 800, Height = 480 }.Export(model, stream);
    }
}
