using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace IntegrationHub.Pages.Board;

/// <summary>One bar: what it counts, its length, and the figure written at its end.</summary>
public sealed record Bar(string Label, double Value, string ValueText);

/// <summary>
/// A horizontal bar chart as server-rendered SVG, for sighted readers beside the table that holds the same
/// figures: one <c>role="img"</c> with a summary of every bar as its accessible name. Colours come from the
/// <c>.hub-chart</c> classes only, as the pages' CSP refuses inline styles.
/// </summary>
public static class BarChart
{
    const int Width = 720;
    const int LabelWidth = 300;
    const int BarsFrom = LabelWidth + 10;
    const int LongestBar = Width - BarsFrom - 70;
    const int RowHeight = 28;
    const int BarHeight = 18;
    const int Padding = 8;

    public static IHtmlContent Render(string title, IReadOnlyList<Bar> bars)
    {
        var html = HtmlEncoder.Default;
        var summary = $"{title}: {string.Join("; ", bars.Select(b => $"{b.Label}, {b.ValueText}"))}.";
        var height = (Padding * 2) + (bars.Count * RowHeight);
        var longest = bars.Count == 0 ? 0 : bars.Max(b => b.Value);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"hub-chart\" role=\"img\" aria-label=\"{html.Encode(summary)}\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append("<title>").Append(html.Encode(summary)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = Padding + (i * RowHeight);
            var baseline = top + (RowHeight / 2) + 5;
            var length = longest > 0 ? Math.Round(LongestBar * bar.Value / longest, 1) : 0;
            svg.Append(Invariant($"<text class=\"hub-chart__label\" x=\"{LabelWidth}\" y=\"{baseline}\" text-anchor=\"end\">{html.Encode(bar.Label)}</text>"));
            if (length > 0)
            {
                svg.Append(Invariant($"<rect class=\"hub-chart__bar\" x=\"{BarsFrom}\" y=\"{top + ((RowHeight - BarHeight) / 2)}\" width=\"{length}\" height=\"{BarHeight}\"></rect>"));
            }

            svg.Append(Invariant($"<text class=\"hub-chart__label\" x=\"{BarsFrom + length + 6}\" y=\"{baseline}\">{html.Encode(bar.ValueText)}</text>"));
        }

        svg.Append(Invariant($"<line class=\"hub-chart__axis\" x1=\"{BarsFrom}\" y1=\"{Padding / 2}\" x2=\"{BarsFrom}\" y2=\"{height - (Padding / 2)}\"></line>"));
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Bars of counts, each labelled with its count.</summary>
    public static IHtmlContent Render(string title, IEnumerable<(string Label, int Count)> counts) =>
        Render(title, [.. counts.Select(c => new Bar(c.Label, c.Count, c.Count.ToString(CultureInfo.InvariantCulture)))]);

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
