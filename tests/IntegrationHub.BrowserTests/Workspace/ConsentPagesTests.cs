using System.Globalization;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using Microsoft.Playwright;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.BrowserTests.Workspace;

/// <summary>The young person's page: consent per agency with its history, recorded with the day it was given, and withdrawn after a confirm step.</summary>
public sealed class ConsentPagesTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    static async Task TypeDateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}-day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Personal_adviser_records_consent_given_on_an_earlier_day_and_sees_it_due_for_review()
    {
        var id = await hub.RegisterYoungPersonAsync("Kai", WorkspaceArrange.UniqueFamilyName("Consent"), Today.AddYears(-19), Eet);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}");
        await Expect(page.GetByTestId("no-consents")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();

        var links = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        Assert.Equal(["#Agency", "#GivenOn-day", "#Evidence", "#ReviewOn-day"], await links.EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"));
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var given = Today.AddMonths(-7);
        await page.GetByLabel("Jobcentre", new() { Exact = true }).CheckAsync();
        await TypeDateAsync(page, "GivenOn", given);
        await page.GetByLabel("Evidence of the consent").FillAsync("Signed form in case file");
        await TypeDateAsync(page, "ReviewOn", Today.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();

        await Expect(page.GetByTestId("consent-done")).ToHaveTextAsync("Consent to share with Jobcentre recorded");
        var card = page.GetByTestId("consent-dwp");
        await Expect(card.GetByTestId("consent-status")).ToContainTextAsync("Given");
        await Expect(card.GetByTestId("consent-due")).ToHaveTextAsync("Due for review");
        await Expect(card).ToContainTextAsync(given.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Personal_adviser_withdraws_consent_after_confirming_the_leg_is_cancelled_and_a_new_consent_keeps_the_old_in_history()
    {
        var id = await hub.RegisterYoungPersonAsync("Lee", WorkspaceArrange.UniqueFamilyName("Withdraw"), Today.AddYears(-18), Accommodation);
        var referral = await hub.ReferThroughApiAsync(LocalUsers.PersonalAdviser(BrowserHub.Tenant), id, [Accommodation], AgencyCodes.Housing);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent to share with Housing" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Withdraw consent to share with Housing");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Why is it being withdrawn? (optional)").FillAsync("Lee told me on the phone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent" }).ClickAsync();

        await Expect(page.GetByTestId("consent-done")).ToHaveTextAsync(
            "Consent to share with Housing withdrawn. 1 referral to Housing cancelled and Housing told to stop.");
        var card = page.GetByTestId("consent-housing");
        await Expect(card.GetByTestId("consent-withdrawn")).ToContainTextAsync($"{WorkspaceArrange.PersonalAdviser} (Personal Adviser)");
        await Expect(card.GetByTestId("consent-withdrawn")).ToContainTextAsync("Lee told me on the phone.");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent to share with Housing" })).ToHaveCountAsync(0);
        Assert.Equal(LegStatusCodes.Cancelled, (await hub.LegOfAsync(referral, AgencyCodes.Housing)).Status);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await page.GetByLabel("Housing", new() { Exact = true }).CheckAsync();
        await TypeDateAsync(page, "GivenOn", Today);
        await page.GetByLabel("Evidence of the consent").FillAsync("Verbal, witnessed by their foster carer");
        await TypeDateAsync(page, "ReviewOn", Today.AddMonths(6));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();

        await Expect(card.GetByTestId("consent-status")).ToContainTextAsync("Given");
        await Expect(card.GetByTestId("consent-history")).ToContainTextAsync("Withdrawn");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
