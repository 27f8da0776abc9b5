using System.Text;
using IntegrationHub.Board;

namespace IntegrationHub.Tests.Board;

public class BoardCsvTests
{
    static string Declines(params DeclineCount[] declines) =>
        Encoding.UTF8.GetString(BoardCsv.Declines(new DeclineFigures(new(2026, 1, 1), new(2026, 12, 31), declines.Sum(d => d.Count), [], declines)));

    [Fact]
    public void Field_with_a_comma_quote_or_line_break_is_quoted_with_its_quotes_doubled()
    {
        var csv = Declines(
            new DeclineCount("housing", "no-local-connection", 3),
            new DeclineCount("housing", "out of area, \"transferred\"", 2),
            new DeclineCount("dwp", "two\r\nlines", 1));

        Assert.Equal(
            "agency,reason_code,count\r\n"
            + "housing,no-local-connection,3\r\n"
            + "housing,\"out of area, \"\"transferred\"\"\",2\r\n"
            + "dwp,\"two\r\nlines\",1\r\n",
            csv);
    }

    [Fact]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_neutralised()
    {
        var csv = Declines(new DeclineCount("dwp", "=HYPERLINK(\"http://example.org\")", 1), new DeclineCount("dwp", "@SUM(A1)", 1));

        Assert.Equal("agency,reason_code,count\r\ndwp,\"'=HYPERLINK(\"\"http://example.org\"\")\",1\r\ndwp,'@SUM(A1),1\r\n", csv);
    }

    [Fact]
    public void Missing_figure_is_an_empty_field()
    {
        var csv = Encoding.UTF8.GetString(BoardCsv.Timeliness(new TimelinessFigures(
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "", [new AgencyTimeliness("nhs", 0, 0, null, null, 0, null, null, 0, 0, 0, null)])));

        Assert.Equal("nhs,0,0,,,0,,,0,0,0,", csv.Split("\r\n")[1]);
    }
}
