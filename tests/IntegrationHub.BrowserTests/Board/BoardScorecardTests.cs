using System.Net.Http.Json;
using IntegrationHub.Board.Scorecard;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Pages.Board;
using IntegrationHub.Security;
using Microsoft.Playwright;
using static IntegrationHub.BrowserTests.Board.BoardArrangement;

namespace IntegrationHub.BrowserTests.Board;

/// <summary>The scorecard at the top of the board's page, for young people this class alone registers, so its figures are known.</summary>
public sealed class BoardScorecardTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    [Fact]
    public async Task The_scorecard_shows_each_rows_value_target_status_in_words_change_england_and_champion_as_the_api_gives_them()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await RegisterWithPlanAsync("Cosima", today.AddYears(-20).AddDays(-3), AccommodationCodes.IndependentLiving, true, ActivityCodes.FullTimeTrainingOrEmployment, TrustedAdultsAnswers.Yes);
        await RegisterWithPlanAsync("Dorian", today.AddYears(-21).AddDays(-3), AccommodationCodes.EmergencyAccommodation, false, ActivityCodes.NotInEetOther, TrustedAdultsAnswers.No);

        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, BoardMemberName);
        await page.GotoAsync("/board");

        using var board = hub.ApiClient(BoardMember());
        var api = (await board.GetFromJsonAsync<ScorecardFigures>("/api/board/scorecard"))!;
        var rows = await page.GetByTestId("scorecard").Locator("tbody tr").AllAsync();
        Assert.Equal(api.Rows.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = api.Rows[i];
            Assert.Equal(
                [row.Title, row.ThemeName, ScorecardDisplay.Value(row), ScorecardDisplay.Target(row), ScorecardDisplay.Change(row), ScorecardDisplay.National(row), row.Champion ?? "Not named"],
                WithoutStatus(await CellsAsync(rows[i])));
            Assert.Equal(ScorecardDisplay.StatusName(row.Status), await rows[i].Locator(".govuk-tag").TextContentAsync());
        }

        // One of two aged 19 to 21 is in suitable accommodation, and one in EET: both short of their targets by more than the
        // tolerance. The hub first knew them today, so the year before has no one to compare with.
        var suitable = page.GetByTestId("scorecard").Locator($"tr[data-row='{ScorecardRows.SuitableAccommodation}']");
        Assert.Equal(
            ["Care leavers aged 19 to 21 in suitable accommodation", "Housing", "50% (1 of 2)", "at least 90%", "Not measured", "85% (2019)", "Not named"],
            WithoutStatus(await CellsAsync(suitable)));
        Assert.Equal("Red: off target", await suitable.Locator(".govuk-tag").TextContentAsync());
        Assert.Equal(
            ["Care leavers aged 19 to 21 in education, employment or training", "None", "100% (1 of 1)", "0% (0 of 1)", "None"],
            await CellsAsync(page.GetByTestId("scorecard-age-bands").Locator($"tr[data-row='{ScorecardRows.Eet}']")));

        Assert.Equal(
            "Scorecard measures in per cent: " + string.Join("; ", api.Rows.Where(r => r.Unit == ScorecardUnits.Percent)
                .Select(r => $"{ScorecardDisplay.ShortTitle(r)}, {BoardDisplay.Figure(r.Value, "%")}")) + ".",
            await page.GetByRole(AriaRole.Img, new() { Name = "Scorecard measures in per cent" }).GetAttributeAsync("aria-label"));

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-dashboard-with-scorecard");

        // The README's picture of the scorecard alone, from its heading to its age bands, on a desktop's width.
        await page.SetViewportSizeAsync(1280, 900);
        var top = await page.GetByRole(AriaRole.Heading, new() { Name = "Scorecard", Exact = true }).BoundingBoxAsync();
        var bottom = await page.GetByTestId("scorecard-age-bands").BoundingBoxAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Artefacts.Folder, "board-scorecard.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = top!.Y - 10, Width = 1280, Height = bottom!.Y + bottom.Height - top.Y + 20 },
        });
    }

    async Task RegisterWithPlanAsync(string givenName, DateOnly born, string accommodation, bool suitable, string activity, string trustedAdults)
    {
        using var pa = hub.ApiClient(LocalUsers.PersonalAdviser(BrowserHub.Tenant));
        var id = await hub.RegisterYoungPersonAsync(givenName, "Testington", born, PlanSectionCodes.Accommodation);
        var response = await pa.PostAsJsonAsync($"/api/young-people/{id}/pathway-plan/versions", new
        {
            sections = new[] { new { code = PlanSectionCodes.Accommodation, needs = new[] { "A settled home" }, actions = new[] { "Refer to housing" }, owner = "Sam Patel", reviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3) } },
            accommodation = new { code = accommodation, suitable },
            activity = new { code = activity },
            trustedAdults,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A row's cells but its status, whose tag's case is the stylesheet's: compared by its text instead.</summary>
    static string[] WithoutStatus(string[] cells) => [.. cells[..4], .. cells[5..]];

    static async Task<string[]> CellsAsync(ILocator row) =>
        [.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())];
}
