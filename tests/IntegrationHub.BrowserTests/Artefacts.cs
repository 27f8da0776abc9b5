using Microsoft.Playwright;

namespace IntegrationHub.BrowserTests;

/// <summary>
/// Screenshots kept after the run: in <c>HUB_TEST_ARTEFACTS</c> (scripts/test.sh sets
/// <c>artifacts/browser</c>), else beside the test assembly.
/// </summary>
public static class Artefacts
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("HUB_TEST_ARTEFACTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "artefacts");

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
