using System.Net.Http.Json;
using System.Text.RegularExpressions;
using IntegrationHub.BrowserTests.Workspace;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.BrowserTests.Me;

/// <summary>
/// The young person's own view, as the demo young person of the sign-in page sees it: bound to the record the demo
/// seeder makes in each local authority, which these tests make in the browser tests' local authority.
/// </summary>
public sealed class YoungPersonViewTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    static readonly HubUser Jordan = LocalUsers.YoungPerson(BrowserHub.Tenant);

    /// <summary>Jordan's record, under the id their sign-in names, with a plan and a referral to housing and the NHS on consent.</summary>
    async Task<(Guid Person, Guid Referral)> JordanReferredAsync()
    {
        var id = Jordan.YoungPersonId!.Value;
        await hub.QueryAsync(async db =>
        {
            db.YoungPeople.Add(new YoungPerson
            {
                Id = id,
                TenantId = BrowserHub.Tenant,
                GivenName = "Jordan",
                FamilyName = "Ellis",
                DateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-17).AddDays(-40),
                Email = "jordan@example.org",
                Phone = "07700 900123",
                AddressLine = "1 Example Street",
                Postcode = "EX1 1AA",
                LocalAuthorityPersonId = "LA-100234",
                NhsNumber = "9434765919",
                NationalInsuranceNumber = "JK654321B",
                CreatedBy = "demo-pa-1",
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var pa = LocalUsers.PersonalAdviser(BrowserHub.Tenant);
        using var api = hub.ApiClient(pa);
        var plan = await api.PostAsJsonAsync($"/api/young-people/{id}/pathway-plan/versions", new
        {
            sections = new[] { Accommodation, Financial, Health }.Select(code => new { code, needs = new[] { $"Needs help with {code}" } }),
        });
        plan.EnsureSuccessStatusCode();
        return (id, await hub.ReferThroughApiAsync(pa, id, [Accommodation, Financial, Health], AgencyCodes.Housing, AgencyCodes.Nhs));
    }

    [Fact]
    public async Task Young_person_sees_who_holds_their_plan_withdraws_consent_for_housing_and_their_adviser_sees_it()
    {
        var (person, referral) = await JordanReferredAsync();
        var page = await hub.NewPageAsync();

        await BrowserHub.SignInAsync(page, Jordan.Name);

        await Expect(page).ToHaveURLAsync(new Regex("/me$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your referrals");
        var housingHolder = page.GetByTestId("holders").Locator("tbody tr").Filter(new() { HasText = "Housing" });
        await Expect(housingHolder).ToContainTextAsync("Where you live");
        await Expect(housingHolder).ToContainTextAsync("Money");
        await Expect(page.GetByTestId("holders").Locator("tbody tr").Filter(new() { HasText = "NHS" })).ToContainTextAsync("Your health");
        await Expect(page.Locator("[data-testid=my-referral] [data-agency=housing] [data-testid=leg-status]")).ToHaveTextAsync("Sent");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "me-referrals");

        await page.GetByRole(AriaRole.Link, new() { Name = "My consent" }).ClickAsync();
        await Expect(page.GetByTestId("consent-housing").GetByTestId("consent-status")).ToContainTextAsync("You said yes");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent for Housing" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to withdraw your consent for Housing?");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "me-withdraw-confirm");
        await page.GetByLabel("Do you want to tell your Personal Adviser why? (optional)").FillAsync("I have found somewhere to live.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw my consent" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/me/consents$"));
        await Expect(page.GetByTestId("withdrawn-banner")).ToContainTextAsync("You withdrew your consent for Housing");
        await Expect(page.GetByTestId("consent-housing").GetByTestId("consent-status")).ToContainTextAsync("You withdrew it on");
        await Expect(page.GetByTestId("consent-nhs").GetByTestId("consent-status")).ToContainTextAsync("You said yes");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "me-consents-withdrawn");

        await page.GetByRole(AriaRole.Link, new() { Name = "My referrals" }).ClickAsync();
        await Expect(page.Locator("[data-testid=my-referral] [data-agency=housing] [data-testid=leg-status]")).ToHaveTextAsync("Stopped: consent withdrawn");
        await Expect(page.Locator("[data-testid=my-referral] [data-agency=nhs] [data-testid=leg-status]")).ToHaveTextAsync("Sent");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Equal(LegStatusCodes.Cancelled, (await hub.LegOfAsync(referral, AgencyCodes.Housing)).Status);

        var adviser = await hub.SignedInPageAsync();
        await adviser.GotoAsync($"/workspace/young-people/{person}");
        var housing = adviser.GetByTestId("consent-housing");
        await Expect(housing.GetByTestId("consent-status")).ToContainTextAsync("Withdrawn");
        await Expect(housing.GetByTestId("consent-withdrawn")).ToContainTextAsync("Jordan Ellis (the young person, in their own view)");
        await Expect(housing.GetByTestId("consent-withdrawn")).ToContainTextAsync("I have found somewhere to live.");
        await Accessibility.AssertNoSeriousViolationsAsync(adviser);
        await Artefacts.ScreenshotAsync(adviser, "workspace-young-person-consents");

        await adviser.GotoAsync($"/workspace/referrals/{referral}");
        await Expect(adviser.Locator("[data-testid=legs] tr[data-agency=housing] .govuk-tag")).ToHaveTextAsync("Cancelled");
        await Expect(adviser.GetByTestId("timeline")).ToContainTextAsync("consent withdrawn");
    }

    [Fact]
    public async Task Young_person_cannot_open_the_personal_advisers_pages_nor_another_young_persons_consent()
    {
        var someoneElse = await hub.RegisterYoungPersonAsync("Sam", WorkspaceArrange.UniqueFamilyName("Other"), DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18), Health);
        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, Jordan.Name);

        var workspace = await page.GotoAsync($"/workspace/young-people/{someoneElse}");
        Assert.Equal(403, workspace!.Status);

        await page.GotoAsync("/me/consents/no-such-agency/withdraw");
        Assert.Equal("Page not found", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(0, await hub.QueryAsync(db => db.Consents.CountAsync(c => c.YoungPersonId == someoneElse)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
