using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IntegrationHub.BrowserTests;

/// <summary>axe-core in the page as it stands: WCAG 2.2 AA and best practice, no serious or critical violation.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core found on {page.Url}:{Environment.NewLine}" + string.Join(Environment.NewLine, serious.Select(v =>
            $"  {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
