using System.Text.RegularExpressions;
using IntegrationHub.Contracts.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.BrowserTests.Workspace;

public sealed class YoungPeoplePagesTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    static readonly DateOnly Born = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19).AddMonths(-2);

    [Fact]
    public async Task Personal_adviser_finds_a_young_person_by_name_and_sees_their_plan_and_its_versions()
    {
        var familyName = WorkspaceArrange.UniqueFamilyName("Searchable");
        var id = await hub.RegisterYoungPersonAsync("Ayesha", familyName, Born, Accommodation, Health);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync("/workspace");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Search by name or local authority ID").FillAsync(familyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var rows = page.GetByTestId("young-people").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("18–20");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await rows.GetByRole(AriaRole.Link, new() { Name = $"Ayesha {familyName}" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/workspace/young-people/{id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Ayesha {familyName}");
        Assert.Contains("Needs help with accommodation", await page.GetByTestId("plan-section-accommodation").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Needs help with health", await page.GetByTestId("plan-section-health").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("plan-section-eet").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByTestId("plan-versions").GetByRole(AriaRole.Link, new() { Name = "Version 1" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/workspace/young-people/{id}/plan/versions/1$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pathway plan version 1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_search_that_matches_no_one_says_so_and_the_empty_inbox_says_what_will_arrive()
    {
        var page = await hub.SignedInPageAsync();

        await page.GotoAsync($"/workspace?search={WorkspaceArrange.UniqueFamilyName("Nobody")}");

        Assert.Contains("No young person matches", await page.GetByTestId("no-young-people").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/workspace/inbox");
        Assert.Equal("My inbox", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Saving_the_plan_makes_a_new_version_and_says_its_number()
    {
        var id = await hub.RegisterYoungPersonAsync("Bilal", WorkspaceArrange.UniqueFamilyName("Editor"), Born, Accommodation);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new plan version" }).ClickAsync();
        Assert.Contains("Needs help with accommodation", await page.Locator("#accommodation-needs").InputValueAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#health-needs").FillAsync("Register with a GP\nDentist check-up");
        await page.Locator("#health-review-date-day").FillAsync("1");
        await page.Locator("#health-review-date-month").FillAsync("9");
        await page.Locator("#health-review-date-year").FillAsync("2031");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/workspace/young-people/{id}$"));
        await Expect(page.GetByTestId("saved-banner")).ToHaveTextAsync("Version 2 saved");
        var health = await page.GetByTestId("plan-section-health").InnerTextAsync();
        Assert.Contains("Dentist check-up", health, StringComparison.Ordinal);
        Assert.Contains("1 September 2031", health, StringComparison.Ordinal);
        Assert.Equal(2, await hub.QueryAsync(db => db.PlanVersions.CountAsync(v => v.YoungPersonId == id)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_review_date_that_does_not_exist_is_an_error_linked_to_its_field_and_nothing_is_saved()
    {
        var id = await hub.RegisterYoungPersonAsync("Chloe", WorkspaceArrange.UniqueFamilyName("Dates"), Born, Accommodation);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}/plan/edit");

        await page.Locator("#accommodation-review-date-day").FillAsync("31");
        await page.Locator("#accommodation-review-date-month").FillAsync("2");
        await page.Locator("#accommodation-review-date-year").FillAsync("2030");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();

        var link = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        Assert.Equal("#accommodation-review-date-day", await link.GetAttributeAsync("href"));
        Assert.Contains("must be a real date", await link.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("31", await page.Locator("#accommodation-review-date-day").InputValueAsync());
        Assert.Equal(1, await hub.QueryAsync(db => db.PlanVersions.CountAsync(v => v.YoungPersonId == id)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Personal_adviser_records_where_they_live_what_they_do_and_their_trusted_adults_and_the_new_version_shows_them()
    {
        var id = await hub.RegisterYoungPersonAsync("Dev", WorkspaceArrange.UniqueFamilyName("Situation"), Born, Accommodation);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}");
        Assert.Equal("Not recorded", await page.GetByTestId("plan-status-accommodation").InnerTextAsync());
        await page.GotoAsync($"/workspace/young-people/{id}/plan/edit");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "Where do they live now?" }).GetByLabel(AccommodationCodes.Descriptions[AccommodationCodes.IndependentLiving]).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is it suitable for them?" }).GetByLabel("Not suitable").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "What are they doing now?" }).GetByLabel(ActivityCodes.Descriptions[ActivityCodes.PartTimeTrainingOrEmployment]).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Do they have at least two trusted adults in their life?" }).GetByLabel("No, fewer than two").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();

        await Expect(page.GetByTestId("saved-banner")).ToHaveTextAsync("Version 2 saved");
        await Expect(page.GetByTestId("plan-status-accommodation")).ToContainTextAsync("Independent living");
        await Expect(page.GetByTestId("plan-status-accommodation")).ToContainTextAsync("(U)");
        await Expect(page.GetByTestId("plan-status-suitable")).ToHaveTextAsync("Not suitable");
        await Expect(page.GetByTestId("plan-status-activity")).ToContainTextAsync("(P5)");
        await Expect(page.GetByTestId("plan-status-trusted-adults")).ToHaveTextAsync("No, fewer than two");
        var saved = await hub.QueryAsync(db => db.PlanVersions.SingleAsync(v => v.YoungPersonId == id && v.Number == 2));
        Assert.Equal(("U", false, "P5", "no"), (saved.Accommodation?.Code, saved.Accommodation?.Suitable, saved.Activity?.Code, saved.TrustedAdults));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The next version starts from these answers; the first version keeps saying they were not recorded.
        await page.GotoAsync($"/workspace/young-people/{id}/plan/edit");
        await Expect(page.Locator("#accommodation-code-U")).ToBeCheckedAsync();
        await Expect(page.Locator("#accommodation-suitable-false")).ToBeCheckedAsync();
        await Expect(page.Locator("#activity-code-P5")).ToBeCheckedAsync();
        await Expect(page.Locator("#trusted-adults-no")).ToBeCheckedAsync();
        await page.GotoAsync($"/workspace/young-people/{id}/plan/versions/1");
        await Expect(page.GetByTestId("plan-status-activity")).ToHaveTextAsync("Not recorded");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Suitability_given_when_the_accommodation_is_not_known_is_an_error_linked_to_its_radios_and_nothing_is_saved()
    {
        var id = await hub.RegisterYoungPersonAsync("Esme", WorkspaceArrange.UniqueFamilyName("Unknown"), Born, Accommodation);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}/plan/edit");

        await page.Locator("#accommodation-code-0").CheckAsync();
        await page.Locator("#accommodation-suitable").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();

        var link = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        Assert.Equal("#accommodation-suitable", await link.GetAttributeAsync("href"));
        Assert.Contains("not known", await link.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#accommodation-suitable-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#accommodation-code-0")).ToBeCheckedAsync();
        Assert.Equal(1, await hub.QueryAsync(db => db.PlanVersions.CountAsync(v => v.YoungPersonId == id)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Another_local_authoritys_young_person_and_referral_are_not_found()
    {
        var elsewhere = await hub.RegisterInOtherTenantAsync();
        var referral = await hub.ReferThroughApiAsync(
            Security.LocalUsers.PersonalAdviser(BrowserHub.OtherTenant), elsewhere, [Health], AgencyCodes.Nhs);
        var page = await hub.SignedInPageAsync();

        foreach (var path in new[]
        {
            $"/workspace/young-people/{elsewhere}",
            $"/workspace/young-people/{elsewhere}/plan/versions/1",
            $"/workspace/young-people/{elsewhere}/plan/edit",
            $"/workspace/young-people/{elsewhere}/refer",
            $"/workspace/referrals/{referral}",
            $"/workspace/referrals/{referral}?handler=legs",
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 404, $"{path} answered {response.Status}");
            Assert.Equal("Page not found", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
