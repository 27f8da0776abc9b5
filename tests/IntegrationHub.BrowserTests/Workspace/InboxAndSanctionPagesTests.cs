using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.BrowserTests.Workspace;

public sealed class InboxAndSanctionPagesTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    static readonly DateOnly Born = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19);

    [Fact]
    public async Task A_decline_arrives_in_the_pas_inbox_links_to_the_referral_and_can_be_marked_read()
    {
        var id = await hub.RegisterYoungPersonAsync("Hal", WorkspaceArrange.UniqueFamilyName("Inbox"), Born, Eet);
        var referral = await hub.ReferThroughApiAsync(LocalUsers.PersonalAdviser(BrowserHub.Tenant), id, [Eet], AgencyCodes.Dwp);
        var dwp = await hub.LegOfAsync(referral, AgencyCodes.Dwp);
        var leg = dwp.Id;
        await hub.Services.GetRequiredService<IBus>().PublishAsync(
            new LegDeclined(Guid.NewGuid(), leg, AgencyCodes.Dwp, "Work coach", DateTimeOffset.UtcNow, "already-supported", "Has a work coach in Leeds."), dwp.Recipient.Code, default);
        await Eventually.WaitAsync(() => hub.QueryAsync(db => db.Notifications.AnyAsync(n => n.ReferralId == referral)), any => any, "the decline's notice");

        var page = await hub.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "My inbox" }).ClickAsync();
        var item = page.GetByTestId("inbox-item").Filter(new() { HasText = referral.ToString() });
        await Expect(item).ToContainTextAsync("Referral declined: dwp");
        await Expect(item.GetByText("Unread", new() { Exact = true })).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await item.GetByRole(AriaRole.Button).Filter(new() { HasText = "Mark as read" }).ClickAsync();
        await Expect(page.GetByTestId("inbox-item").Filter(new() { HasText = referral.ToString() }).GetByText("Unread", new() { Exact = true })).ToHaveCountAsync(0);
        await page.GetByTestId("inbox-item").Filter(new() { HasText = referral.ToString() }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/workspace/referrals/{referral}$"));
        await Expect(page.Locator("[data-testid=legs] tr[data-agency=dwp] .govuk-tag")).ToHaveTextAsync("Declined");
    }

    [Fact]
    public async Task Personal_adviser_answers_a_proposed_sanction_on_the_referral_page()
    {
        var id = await hub.RegisterYoungPersonAsync("Ira", WorkspaceArrange.UniqueFamilyName("Sanction"), Born, Eet);
        var referral = await hub.ReferThroughApiAsync(LocalUsers.PersonalAdviser(BrowserHub.Tenant), id, [Eet], AgencyCodes.Dwp);
        var dwp = await hub.LegOfAsync(referral, AgencyCodes.Dwp);
        var leg = dwp.Id;
        await hub.Services.GetRequiredService<IBus>().PublishAsync(
            new SanctionProposed(Guid.NewGuid(), leg, AgencyCodes.Dwp, "Work coach", DateTimeOffset.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14), "Missed two appointments."), dwp.Recipient.Code, default);
        await Eventually.WaitAsync(() => hub.QueryAsync(db => db.LegFacts.AnyAsync(f => f.LegId == leg)), any => any, "the proposed sanction");

        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/referrals/{referral}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send your answer" }).ClickAsync();
        Assert.Equal("#Sanction-Response", await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("What you told the Jobcentre").FillAsync("Ira was in hospital on both days; letters attached.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send your answer" }).ClickAsync();

        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Ira was in hospital on both days");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send your answer" })).ToHaveCountAsync(0);
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
            await Expect(row.Locator(".govuk-tag")).ToHaveTextAsync("Cancelled");
            await Expect(row.GetByTestId("leg-reason")).ToContainTextAsync("withdrew consent");
        }

        Assert.Equal(2, await hub.QueryAsync(db => db.Legs.CountAsync(l => l.ReferralId == referral && l.Status == LegStatusCodes.Cancelled)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
