using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.BrowserTests.Workspace;

public sealed class InboxAndSanctionPagesTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    static readonly DateOnly Born = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19);

    [Fact]
    public async Task A_decline_arrives_in_the_pas_inbox_links_to_the_referral_and_can_be_marked_read()
    {
        var id = await hub.RegisterYoungPersonAsync("Hal", WorkspaceArrange.UniqueFamilyName("Inbox"), Born, Eet);
        var referral = await hub.ReferThroughApiAsync(LocalUsers.PersonalAdviser(BrowserHub.Tenant), id, [Eet], AgencyCodes.Dwp);
        var leg = (await hub.LegOfAsync(referral, AgencyCodes.Dwp)).Id;
        await hub.Services.GetRequiredService<IBus>().Publish(
            new LegDeclined(Guid.NewGuid(), leg, AgencyCodes.Dwp, "Work coach", DateTimeOffset.UtcNow, "already-supported", "Has a work coach in Leeds."));
        await WaitUntilAsync(() => hub.QueryAsync(db => db.Notifications.AnyAsync(n => n.ReferralId == referral)), "the decline's notice");

        var page = await hub.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "My inbox" }).ClickAsync();
        var item = page.GetByTestId("inbox-item").Filter(new() { HasText = referral.ToString() });
        Assert.Contains("Referral declined: dwp", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await item.GetByText("Unread", new() { Exact = true }).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await item.GetByRole(AriaRole.Button).Filter(new() { HasText = "Mark as read" }).ClickAsync();
        Assert.Equal(0, await page.GetByTestId("inbox-item").Filter(new() { HasText = referral.ToString() }).GetByText("Unread", new() { Exact = true }).CountAsync());
        await page.GetByTestId("inbox-item").Filter(new() { HasText = referral.ToString() }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.EndsWith($"/workspace/referrals/{referral}", page.Url, StringComparison.Ordinal);
        Assert.Equal("Declined", await page.Locator("[data-testid=legs] tr[data-agency=dwp] .govuk-tag").InnerTextAsync());
    }

    [Fact]
    public async Task Personal_adviser_answers_a_proposed_sanction_on_the_referral_page()
    {
        var id = await hub.RegisterYoungPersonAsync("Ira", WorkspaceArrange.UniqueFamilyName("Sanction"), Born, Eet);
        var referral = await hub.ReferThroughApiAsync(LocalUsers.PersonalAdviser(BrowserHub.Tenant), id, [Eet], AgencyCodes.Dwp);
        var leg = (await hub.LegOfAsync(referral, AgencyCodes.Dwp)).Id;
        await hub.Services.GetRequiredService<IBus>().Publish(
            new SanctionProposed(Guid.NewGuid(), leg, AgencyCodes.Dwp, "Work coach", DateTimeOffset.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14), "Missed two appointments."));
        await WaitUntilAsync(() => hub.QueryAsync(db => db.LegFacts.AnyAsync(f => f.LegId == leg)), "the proposed sanction");

        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/referrals/{referral}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send your answer" }).ClickAsync();
        Assert.Equal("#Sanction-Response", await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("What you told the Jobcentre").FillAsync("Ira was in hospital on both days; letters attached.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send your answer" }).ClickAsync();

        Assert.Contains("Ira was in hospital on both days", await page.GetByTestId("timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Send your answer" }).CountAsync());
        Assert.NotNull(await hub.QueryAsync(db => db.LegFacts.Where(f => f.LegId == leg).Select(f => f.RespondedAt).SingleAsync()));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Cancelling_the_whole_referral_cancels_every_open_leg_with_the_reason()
    {
        var id = await hub.RegisterYoungPersonAsync("Jay", WorkspaceArrange.UniqueFamilyName("Withdrawn"), Born, Health, Eet);
        var referral = await hub.ReferThroughApiAsync(LocalUsers.PersonalAdviser(BrowserHub.Tenant), id, [Health, Eet], AgencyCodes.Nhs, AgencyCodes.Dwp);

        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/referrals/{referral}");
        await page.Locator("#ReferralCancel-Reason").FillAsync("Jay has moved to Scotland and withdrew consent.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the referral" }).ClickAsync();

        foreach (var agency in new[] { AgencyCodes.Nhs, AgencyCodes.Dwp })
        {
            var row = page.Locator($"[data-testid=legs] tr[data-agency={agency}]");
            Assert.Equal("Cancelled", await row.Locator(".govuk-tag").InnerTextAsync());
            Assert.Contains("withdrew consent", await row.GetByTestId("leg-reason").InnerTextAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, await hub.QueryAsync(db => db.Legs.CountAsync(l => l.ReferralId == referral && l.Status == LegStatusCodes.Cancelled)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 20 s for {what}.");
            await Task.Delay(100);
        }
    }
}
