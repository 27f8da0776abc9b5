using IntegrationHub.BrowserTests.Workspace;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using Microsoft.Playwright;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.BrowserTests.Journeys;

/// <summary>The whole journey, through the pages only, by the three kinds of people who use them.</summary>
public sealed class ReferralJourneyTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    const string DeclineReason = "Already supported by a work coach at another Jobcentre.";
    const string DeclineWords = "Jordan already has a work coach at the Jobcentre in Leeds.";

    [Fact]
    public async Task A_referral_declined_in_the_partner_inbox_shows_on_the_pas_timeline_and_the_boards_count()
    {
        var familyName = WorkspaceArrange.UniqueFamilyName("Ellis");
        var born = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-17).AddMonths(-8);
        var id = await hub.RegisterYoungPersonAsync("Jordan", familyName, born, Accommodation, Health, Eet, Financial);
        await hub.RecordConsentsAsync(id, AgencyCodes.Housing, AgencyCodes.Nhs, AgencyCodes.Dwp);

        // The Personal Adviser finds Jordan and refers to three agencies at once.
        var pa = await hub.SignedInPageAsync();
        await pa.GetByLabel("Search by name or local authority ID").FillAsync(familyName);
        await pa.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await pa.GetByRole(AriaRole.Link, new() { Name = $"Jordan {familyName}" }).ClickAsync();
        await pa.GetByRole(AriaRole.Button, new() { Name = "Refer" }).ClickAsync();
        await ReferralForm.FillAsync(pa, ["Accommodation", "Health and development", "Education, employment and training", "Financial capability and independent living"]);
        await ReferralForm.ChooseHousingAsync(pa, consents: 3);
        await ReferralForm.ChooseAsync(pa, "NHS", "#nhs-basis");
        await ReferralForm.ChooseAsync(pa, "Jobcentre", "#dwp-basis");
        await pa.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await pa.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(pa).ToHaveURLAsync(new Regex("/workspace/referrals/"));
        var legs = pa.GetByTestId("legs").Locator("tbody tr[data-agency]");
        Assert.Equal(3, await legs.CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(pa);
        await Artefacts.ScreenshotAsync(pa, "journey-1-referral-sent");

        // A Jobcentre worker declines their leg in the partner inbox.
        var worker = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(worker, DemoPeople.Users.For(BrowserHub.Tenant).Single(u => u.Agency == AgencyCodes.Dwp).Name);
        await worker.GetByRole(AriaRole.Link, new() { Name = $"View referral for Jordan {familyName}" }).ClickAsync();
        await worker.GetByRole(AriaRole.Group, new() { Name = "Why are you declining?" }).GetByLabel(DeclineReason).CheckAsync();
        await worker.GetByLabel("Reason", new() { Exact = true }).FillAsync(DeclineWords);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Decline referral", Exact = true }).ClickAsync();
        Assert.Equal("Declined", await worker.GetByTestId("recorded").Locator(".govuk-tag").InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(worker);
        await Artefacts.ScreenshotAsync(worker, "journey-2-partner-declined");

        // The Personal Adviser's timeline shows the decline and its reason; the other legs are untouched.
        await pa.ReloadAsync();
        var dwp = pa.Locator("[data-testid=legs] tr[data-agency=dwp]");
        Assert.Equal("Declined", await dwp.Locator(".govuk-tag").InnerTextAsync());
        Assert.Contains(DeclineWords, await dwp.GetByTestId("leg-reason").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(DeclineWords, await pa.GetByTestId("timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Sent", await pa.Locator("[data-testid=legs] tr[data-agency=housing] .govuk-tag").InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(pa);
        await Artefacts.ScreenshotAsync(pa, "journey-3-timeline-shows-decline");

        // The board dashboard counts it.
        var board = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(board, "Corporate Parenting Board member");
        var declined = board.Locator("[data-testid=declines] tbody tr[data-agency=dwp][data-reason=already-supported] td").Last;
        Assert.Equal("1", await declined.InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(board);
        await Artefacts.ScreenshotAsync(board, "journey-4-board-counts-decline");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var pa = await hub.SignedInPageAsync();

        await pa.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(pa).ToHaveURLAsync(new Regex("^https?://[^/]+/$"));
        await pa.GotoAsync("/workspace");

        Assert.Contains("/sign-in", pa.Url, StringComparison.Ordinal);
    }
}
