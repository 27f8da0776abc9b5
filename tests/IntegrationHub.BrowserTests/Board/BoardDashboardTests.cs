using System.Net.Http.Json;
using IntegrationHub.Board;
using Microsoft.Playwright;
using static IntegrationHub.BrowserTests.Board.BoardArrangement;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.BrowserTests.Board;

/// <summary>The dashboard's tables for a data set this class alone arranges, so every count is known.</summary>
public sealed class BoardDashboardTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    [Fact]
    public async Task The_dashboard_shows_the_figures_the_board_api_gives()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Seventeen, eighteen in two months and open to the youth offending service: an upcoming 18th birthday.
        var nearlyEighteen = await ReferAsync(hub, "Aurelia", today.AddYears(-18).AddMonths(2), [Housing, Nhs, Yos]);
        var twenty = await ReferAsync(hub, "Bartholomew", today.AddYears(-20).AddDays(-10), [Nhs, Dwp]);
        await DeclineHousingLegAsync(hub, nearlyEighteen, "not-eligible");
        await RaiseEscalationAsync(hub, nearlyEighteen, Nhs, level: 2);
        await RaiseEscalationAsync(hub, nearlyEighteen, Yos, level: 1);
        await RaiseEscalationAsync(hub, twenty, Nhs, level: 3);

        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, BoardMemberName);
        await page.GotoAsync("/board");

        Assert.Equal("Board dashboard", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(Counts(("Level 1", 1), ("Level 2", 1), ("Level 3", 1)), await RowsAsync(page, "escalations-by-level"));
        Assert.Equal(
            Counts(("Housing", 0), ("Health and adult services", 2), ("Education, employment and training", 0), ("Justice", 1)),
            await RowsAsync(page, "escalations-by-theme"));
        Assert.Equal(
            Counts(("Housing", 0), ("NHS", 2), ("Jobcentre", 0), ("Probation", 0), ("Youth offending service", 1), ("Adult social care", 0)),
            await RowsAsync(page, "escalations-by-agency"));
        Assert.Equal(
            Counts(("16 to 17", 2), ("18 to 20", 1), ("21 to 25", 0), ("Other or not known", 0)),
            await RowsAsync(page, "escalations-by-age-band"));

        var declines = page.GetByTestId("declines");
        Assert.Equal(["Housing", "not-eligible", "1"], await CellsAsync(declines.Locator("tbody tr[data-agency]")));
        Assert.Equal("1", await page.GetByTestId("declines-total").InnerTextAsync());

        using var board = hub.ApiClient(BoardMember());
        var apiDeclines = (await board.GetFromJsonAsync<DeclineFigures>("/api/board/declines"))!;
        Assert.Equal([new DeclineCount(Housing, "not-eligible", 1)], apiDeclines.Declines);

        var apiTimeliness = (await board.GetFromJsonAsync<TimelinessFigures>("/api/board/timeliness"))!;
        var timeliness = await page.GetByTestId("timeliness").Locator("tbody tr").AllAsync();
        Assert.Equal(apiTimeliness.Agencies.Count, timeliness.Count);
        for (var i = 0; i < timeliness.Count; i++)
        {
            var api = apiTimeliness.Agencies[i];
            var cells = await CellsAsync(timeliness[i]);
            Assert.Equal(
                [
                    DemoPeople.Agencies.NameOf(api.Agency), $"{api.Legs}", Pages.Board.BoardDisplay.Figure(api.MedianDaysToAcknowledge),
                    Pages.Board.BoardDisplay.Figure(api.MedianDaysToDecide), $"{api.DecidedWithinSla}", $"{api.DecidedLate}",
                    $"{api.UndecidedPastDeadline}", Pages.Board.BoardDisplay.Figure(api.WithinSlaPercent, "%"),
                ],
                cells);
        }

        Assert.Equal(["Housing", "1", "0.0", "0.0", "1", "0", "0", "100.0%"], await CellsAsync(timeliness[0]));

        var apiTrend = (await board.GetFromJsonAsync<TrendFigures>("/api/board/trend"))!;
        Assert.Equal(12, await page.GetByTestId("trend").Locator("tbody tr").CountAsync());
        var thisMonth = apiTrend.Months[^1];
        Assert.Equal((2, 1, 3, 0), (thisMonth.ReferralsMade, thisMonth.LegsDecided, thisMonth.EscalationsRaised, thisMonth.EscalationsResolved));
        Assert.Equal(
            ["2", "1", "3", "0"],
            (await CellsAsync(page.GetByTestId("trend").Locator($"tr[data-month='{thisMonth.Month}']")))[1..]);

        var upcoming = await page.GetByTestId("upcoming").Locator("tbody tr").AllAsync();
        var birthday = Assert.Single(upcoming);
        Assert.Equal("18th birthday", (await CellsAsync(birthday))[1]);
        var pageText = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Aurelia", pageText, StringComparison.Ordinal);
        Assert.DoesNotContain("Testington", pageText, StringComparison.Ordinal);

        var charts = page.Locator("svg.hub-chart[role='img']");
        Assert.Equal(9, await charts.CountAsync());
        Assert.Equal(
            "Open escalations by level: Level 1, 1; Level 2, 1; Level 3, 1.",
            await page.GetByRole(AriaRole.Img, new() { Name = "Open escalations by level" }).GetAttributeAsync("aria-label"));
        Assert.Equal("Declines by agency: Housing, 1; NHS, 0; Jobcentre, 0; Probation, 0; Youth offending service, 0; Adult social care, 0.", await charts.Nth(6).GetAttributeAsync("aria-label"));

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-dashboard");

        await birthday.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/board/cases/{nearlyEighteen.Id}$"));
        Assert.Equal("Why do you need to see this case?", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }

    [Fact]
    public async Task The_period_filter_keeps_the_api_defaults_and_refuses_what_the_api_refuses()
    {
        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, BoardMemberName);
        await page.GotoAsync("/board");

        Assert.Equal("12", await page.GetByLabel("Referrals made in the last").InputValueAsync());
        Assert.Equal("90", await page.GetByLabel("Releases and transitions in the next").InputValueAsync());

        await page.GetByLabel("Referrals made in the last").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/board\?months=3&days=90$"));
        Assert.Equal(3, await page.GetByTestId("trend").Locator("tbody tr").CountAsync());
        Assert.Contains("months=3", await page.GetByRole(AriaRole.Link, new() { Name = "Download declines (CSV)" }).GetAttributeAsync("href"), StringComparison.Ordinal);

        await page.GotoAsync("/board?months=61");
        var summary = page.Locator(".govuk-error-summary");
        Assert.Equal("'months' must be from 1 to 60.", await summary.GetByRole(AriaRole.Link).InnerTextAsync());
        Assert.Equal("#Months", await summary.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("declines").CountAsync());
        Assert.Equal(1, await page.GetByTestId("escalations-by-level").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    static Dictionary<string, string> Counts(params (string Key, int Count)[] counts) =>
        counts.ToDictionary(c => c.Key, c => $"{c.Count}");

    static async Task<Dictionary<string, string>> RowsAsync(IPage page, string testId)
    {
        var rows = new Dictionary<string, string>();
        foreach (var row in await page.GetByTestId(testId).Locator("tbody tr").AllAsync())
        {
            var cells = await CellsAsync(row);
            rows.Add(cells[0], cells[^1]);
        }

        return rows;
    }

    static async Task<string[]> CellsAsync(ILocator row) =>
        [.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())];
}
