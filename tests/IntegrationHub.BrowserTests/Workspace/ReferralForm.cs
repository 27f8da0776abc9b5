using Microsoft.Playwright;

namespace IntegrationHub.BrowserTests.Workspace;

/// <summary>Filling in the Refer form as a Personal Adviser does.</summary>
public static class ReferralForm
{
    /// <summary>A reason for referring written for this agency alone (by code or by the name the form shows): no other agency's reason contains it.</summary>
    public static string ReasonFor(string agency) => $"Why we refer to {agency}, written for {agency} alone.";

    /// <summary>The Personal Adviser's own summary of the referral: no agency is sent it.</summary>
    public const string Summary = "Moving on from supported lodgings";

    public static async Task FillAsync(IPage page, string[] sections)
    {
        await page.GetByLabel("Summary of the referral").FillAsync(Summary);
        foreach (var section in sections)
        {
            await page.GetByLabel(section, new() { Exact = true }).CheckAsync();
        }
    }

    /// <summary>Ticks the agency and, in what its tick reveals, writes its reason and chooses the lawful basis.</summary>
    public static async Task ChooseAsync(IPage page, string agency, string basis)
    {
        await page.GetByLabel(agency, new() { Exact = true }).CheckAsync();
        await page.Locator(".govuk-checkboxes__conditional", new() { Has = page.Locator(basis) }).Locator("textarea").FillAsync(ReasonFor(agency));
        await page.Locator(basis).CheckAsync();
    }

    public static async Task ChooseHousingAsync(IPage page, int consents)
    {
        await ChooseAsync(page, "Housing", "#housing-basis");
        foreach (var consent in new[] { "#housing-consent-to-be-referred", "#housing-consent-to-chosen-housing-authority", "#housing-consent-to-share-contact-details" }.Take(consents))
        {
            await page.Locator(consent).CheckAsync();
        }
    }
}
