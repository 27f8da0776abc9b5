using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Board.Scorecard;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static IntegrationHub.BrowserTests.Board.BoardArrangement;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.BrowserTests.Board;

/// <summary>
/// The board's case paper with its decision form, and the pack for the next meeting: anonymous, accessible, and the
/// decision told to the owning organisation's inbox.
/// </summary>
public sealed class BoardDecisionTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    string HousingOrganisation =>
        hub.Services.GetRequiredService<IOptions<AgencyDirectoryOptions>>().Value.OrganisationFor(BrowserHub.Tenant, residenceArea: null, Housing).Code;

    /// <summary>A housing referral raised to the board by a board member, with the head of service's favoured resolution on its paper.</summary>
    async Task<Guid> BoardCaseAsync(string givenName)
    {
        var referral = await ReferAsync(hub, givenName, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19), [Housing]);
        using var board = hub.ApiClient(BoardMember());
        var raised = await board.PostAsJsonAsync("/api/escalations", new
        {
            referralId = referral.Id,
            legId = LegOf(referral, Housing),
            reason = "No housing decision after the deadline",
            level = 3,
        });
        Assert.True(raised.IsSuccessStatusCode, await raised.Content.ReadAsStringAsync());
        var escalationId = (Guid)(await raised.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var headOfService = hub.ApiClient(DemoPeople.Users.For(BrowserHub.Tenant).Single(u => u.Role == HubRoles.HeadOfService));
        var proposed = await headOfService.PutAsJsonAsync($"/api/board/case-papers/{escalationId}/favoured-resolution", new ProposeResolution("Housing to accept the relief duty and offer supported lodgings."));
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());
        return escalationId;
    }

    async Task<IPage> BoardMemberPageAsync()
    {
        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, BoardMemberName);
        return page;
    }

    [Fact]
    public async Task A_board_member_records_a_decision_on_the_case_paper_after_fixing_the_forms_errors()
    {
        var escalationId = await BoardCaseAsync("Ignatius");
        var page = await BoardMemberPageAsync();
        await page.GotoAsync($"/board/case-papers/{escalationId}");

        Assert.StartsWith("Case paper ", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Ignatius", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Testington", main, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("offer supported lodgings", await page.GetByTestId("favoured-resolution").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("no agreement of theirs", await page.GetByTestId("young-persons-words").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-case-paper");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        Assert.Contains("Enter what is to be done", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("#Owner", await summary.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"));
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-decision-errors");

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        await page.GetByLabel("What is to be done").FillAsync("Offer supported lodgings and confirm it in writing.");
        await page.GetByLabel("Organisation that owns it").SelectOptionAsync(HousingOrganisation);
        await page.GetByLabel("Named owner").FillAsync("Alex Housing-Lead");
        await page.Locator("#dueOn-day").FillAsync(due.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#dueOn-month").FillAsync(due.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#dueOn-year").FillAsync(due.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        Assert.EndsWith("/board/decisions", page.Url, StringComparison.Ordinal);
        Assert.Contains("Offer supported lodgings and confirm it in writing.", await page.GetByTestId("actions").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-decisions");
        var notice = await hub.QueryAsync(db => db.Notifications.SingleAsync(n => n.EscalationId == escalationId && n.Subject.StartsWith(BoardDecisionService.NoticeSubject)));
        Assert.Contains("Alex Housing-Lead", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pack_shows_the_case_papers_and_actions_with_their_champions_and_prints_without_the_services_menus()
    {
        var escalationId = await BoardCaseAsync("Philippa");
        using (var board = hub.ApiClient(BoardMember()))
        {
            var decided = await board.PostAsJsonAsync("/api/board/decisions", new RecordBoardDecision(
                escalationId, "Agree a move-on plan with the leaving care team.", HousingOrganisation, "Robin Senior", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)));
            Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        }

        var page = await BoardMemberPageAsync();
        await page.GotoAsync("/board/pack");

        var pack = await page.GetByTestId("board-pack").InnerTextAsync();
        Assert.StartsWith("Pack for the meeting on ", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Housing to accept the relief duty", pack, StringComparison.Ordinal);
        Assert.Contains("Agree a move-on plan with the leaving care team.", await page.GetByTestId("actions-due").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Champion for housing", pack, StringComparison.Ordinal);
        Assert.DoesNotContain("Philippa", pack, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Testington", pack, StringComparison.OrdinalIgnoreCase);
        var scorecard = page.GetByTestId("board-pack").GetByTestId("scorecard");
        Assert.Equal(
            ScorecardRows.All.Select(r => r.Key),
            await scorecard.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.row)"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-pack");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".govuk-service-navigation").IsVisibleAsync());
        Assert.True(await page.GetByTestId("board-pack").IsVisibleAsync());
        await Artefacts.ScreenshotAsync(page, "board-pack-print");
    }
}
