using Microsoft.Playwright;

namespace IntegrationHub.BrowserTests.Workspace;

/// <summary>Filling in the Refer form as a Personal Adviser does.</summary>
public static class ReferralForm
{
    public static async Task FillAsync(IPage page, string[] sections)
    {
        await page.GetByLabel("Summary of the referral").FillAsync("Moving on from supported lodgings");
        foreach (var section in sections)
        {
            await page.GetByLabel(section, new() { Exact = true }).CheckAsync();
        }
    }

    public static async Task ChooseAsync(IPage page, string agency, string basis)
    {
        await page.GetByLabel(agency, new() { Exact = true }).CheckAsync();
        await page.Locator(basis).CheckAsync();
    }

    public static async Task ChooseHousingAsync(IPage page, int consents)
    {
        await ChooseAsync(page, "Housing", "#housing-basis");
        await page.Locator("#housing-evidence").FillAsync("Consent form signed with the young person, on file");
        foreach (var consent in new[] { "#housing-consent-to-be-referred", "#housing-consent-to-chosen-housing-authority", "#housing-consent-to-share-contact-details" }.Take(consents))
        {
            await page.Locator(consent).CheckAsync();
        }
    }
}
