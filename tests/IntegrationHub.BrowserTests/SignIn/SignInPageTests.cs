using IntegrationHub.Security;
using Microsoft.Playwright;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.BrowserTests.SignIn;

public sealed class SignInPageTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    [Fact]
    public async Task A_page_that_needs_signing_in_sends_you_to_sign_in_and_then_back()
    {
        var page = await hub.NewPageAsync();

        await page.GotoAsync("/partner");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel(DemoPeople.Users.For(BrowserHub.Tenant).Single(u => u.Agency == "housing").Name, new() { Exact = true }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/partner$"));
        Assert.Contains("Housing worker", await page.GetByTestId("signed-in-as").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_without_choosing_anyone_shows_an_error_summary_linked_to_the_choices()
    {
        var page = await hub.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        Assert.Equal("Choose who to sign in as", await summary.GetByRole(AriaRole.Link).InnerTextAsync());
        Assert.Equal("#SignInAs", await summary.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Each_role_lands_on_its_own_home_page()
    {
        var homes = new Dictionary<string, string>
        {
            [LocalUsers.PersonalAdviser(BrowserHub.Tenant).Name] = "/workspace",
            ["Corporate Parenting Board member"] = "/board",
        };
        foreach (var (name, home) in homes)
        {
            var page = await hub.NewPageAsync();
            await BrowserHub.SignInAsync(page, name);
            Assert.EndsWith(home, page.Url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_page_shows_the_problem_and_a_reference_never_a_stack_trace()
    {
        var page = await hub.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var problem = await page.GetByTestId("problem-details").InnerTextAsync();
        Assert.Contains("404", problem, StringComparison.Ordinal);
        Assert.Contains("Reference", problem, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_start_page_and_accessibility_statement_pass_axe()
    {
        var page = await hub.NewPageAsync();
        foreach (var path in new[] { "/", "/accessibility" })
        {
            await page.GotoAsync(path);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
