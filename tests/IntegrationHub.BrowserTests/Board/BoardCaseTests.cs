using IntegrationHub.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static IntegrationHub.BrowserTests.Board.BoardArrangement;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.BrowserTests.Board;

public sealed class BoardCaseTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    const string PurposeLabel = "Why do you need to see this case?";

    Task<List<AuditEntry>> CaseOpeningsAsync(Guid referralId) =>
        hub.QueryAsync(db => db.Audit.Where(a => a.ResourceType == "board-case" && a.ResourceId == referralId.ToString()).ToListAsync());

    async Task<IPage> BoardMemberPageAsync()
    {
        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, BoardMemberName);
        return page;
    }

    [Fact]
    public async Task Opening_a_case_without_a_purpose_shows_an_error_and_records_nothing()
    {
        var referral = await ReferAsync(hub, "Desmond", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19), [Housing]);
        var page = await BoardMemberPageAsync();
        await page.GotoAsync($"/board/cases/{referral.Id}");
        Assert.Equal(PurposeLabel, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("recorded in the audit log", await page.Locator("#purpose-hint").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-case-purpose");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        Assert.Contains("'purpose' is required", await summary.GetByRole(AriaRole.Link).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("#purpose", await summary.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("'purpose' is required", await page.Locator("#purpose-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Desmond", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-case-purpose-error");
        Assert.Empty(await CaseOpeningsAsync(referral.Id));
    }

    [Fact]
    public async Task Opening_a_case_with_a_purpose_shows_the_young_person_and_audits_the_purpose()
    {
        var referral = await ReferAsync(hub, "Evangeline", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-20).AddDays(-3), [Housing, Nhs]);
        var page = await BoardMemberPageAsync();
        await page.GotoAsync($"/board/cases/{referral.Id}");
        const string purpose = "Level 3 escalation on the board's agenda for Thursday's meeting.";

        await page.GetByLabel(PurposeLabel).FillAsync(purpose);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();

        Assert.Equal("Evangeline Testington", await page.GetByTestId("young-person").InnerTextAsync());
        Assert.Contains(purpose, await page.GetByTestId("recorded-purpose").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("20", await page.GetByTestId("case").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.GetByTestId("legs").Locator("tbody tr").CountAsync());
        Assert.EndsWith($"/board/cases/{referral.Id}", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "board-case-opened");

        var opening = Assert.Single(await CaseOpeningsAsync(referral.Id));
        Assert.Equal((purpose, "demo-boardmember", BrowserHub.Tenant), (opening.Basis, opening.ActorId, opening.TenantId));
    }

    [Fact]
    public async Task Another_local_authoritys_case_is_not_found()
    {
        var theirs = await ReferAsync(hub, "Florian", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19), [Housing], BrowserHub.OtherTenant);
        var page = await BoardMemberPageAsync();

        var response = await page.GotoAsync($"/board/cases/{theirs.Id}");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Empty(await CaseOpeningsAsync(theirs.Id));
    }

    [Fact]
    public async Task A_personal_adviser_cannot_open_the_board_dashboard()
    {
        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, IntegrationHub.Security.LocalUsers.PersonalAdviser(BrowserHub.Tenant).Name);

        var response = await page.GotoAsync("/board");

        Assert.Equal(403, response!.Status);
        Assert.Equal("You cannot see this page", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("declines").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
