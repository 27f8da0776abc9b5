using Microsoft.Playwright;
using static IntegrationHub.BrowserTests.Board.BoardArrangement;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.BrowserTests.Board;

public sealed class BoardCsvTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    [Theory]
    [InlineData("Download declines (CSV)", "declines")]
    [InlineData("Download open escalations (CSV)", "escalations")]
    [InlineData("Download timeliness (CSV)", "timeliness")]
    [InlineData("Download upcoming transitions and releases (CSV)", "upcoming")]
    [InlineData("Download monthly trend (CSV)", "trend")]
    public async Task Each_tables_download_is_the_csv_the_board_api_gives(string link, string table)
    {
        var referral = await ReferAsync(hub, "Cordelia", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19), [Housing, Dwp]);
        await DeclineHousingLegAsync(hub, referral, "not-eligible");
        await RaiseEscalationAsync(hub, referral, Dwp, level: 1);
        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, BoardMemberName);
        await page.GotoAsync("/board");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());

        using var board = hub.ApiClient(BoardMember());
        var api = await board.GetAsync($"/api/board/{table}?format=csv");
        Assert.True(api.IsSuccessStatusCode);
        var downloaded = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal(await api.Content.ReadAsStringAsync(), downloaded);
        Assert.Equal(api.Content.Headers.ContentDisposition?.FileNameStar ?? api.Content.Headers.ContentDisposition?.FileName, download.SuggestedFilename);
        Assert.StartsWith($"board-{table}-", download.SuggestedFilename, StringComparison.Ordinal);
        if (table == "declines")
        {
            Assert.Contains("housing,not-eligible,", downloaded, StringComparison.Ordinal);
        }

        var href = await page.GetByRole(AriaRole.Link, new() { Name = link }).GetAttributeAsync("href");
        var served = await page.Context.APIRequest.GetAsync(href!);
        Assert.StartsWith("text/csv", served.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("attachment;", served.Headers["content-disposition"], StringComparison.Ordinal);
    }
}
