using IntegrationHub.Security;
using Microsoft.Playwright;

namespace IntegrationHub.BrowserTests.SignIn;

public sealed class SignInPageTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
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
