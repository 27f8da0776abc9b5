using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static Microsoft.Playwright.Assertions;
using System.Text.RegularExpressions;

namespace IntegrationHub.BrowserTests.Workspace;

public sealed class ReferralPagesTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    static readonly DateOnly Born = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18).AddMonths(-4);

    [Fact]
    public async Task Personal_adviser_refers_to_three_agencies_after_seeing_what_each_will_see()
    {
        var id = await hub.RegisterYoungPersonAsync("Dana", WorkspaceArrange.UniqueFamilyName("Referred"), Born, Accommodation, Health, Eet, Financial);
        await hub.RecordConsentsAsync(id, AgencyCodes.Housing, AgencyCodes.Nhs);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refer" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await ReferralForm.FillAsync(page, sections: ["Accommodation", "Health and development", "Education, employment and training", "Financial capability and independent living"]);
        await ReferralForm.ChooseHousingAsync(page, consents: 3);
        await ReferralForm.ChooseAsync(page, "NHS", "#nhs-basis");
        await ReferralForm.ChooseAsync(page, "Jobcentre", "#dwp-basis-public-task");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "workspace-refer-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // The default sharing matrix: the Jobcentre sees EET and money, never health, and the NI number, never the NHS number.
        var jobcentre = page.GetByTestId("preview-dwp");
        var jobcentreSections = await jobcentre.GetByTestId("preview-sections").InnerTextAsync();
        Assert.Contains("Education, employment and training", jobcentreSections, StringComparison.Ordinal);
        Assert.Contains("Financial capability and independent living", jobcentreSections, StringComparison.Ordinal);
        Assert.DoesNotContain("Health and development", jobcentreSections, StringComparison.Ordinal);
        var jobcentreIdentifiers = await jobcentre.GetByTestId("preview-identifiers").InnerTextAsync();
        Assert.Contains("National Insurance number: JK654321B", jobcentreIdentifiers, StringComparison.Ordinal);
        Assert.DoesNotContain("NHS number", jobcentreIdentifiers, StringComparison.Ordinal);
        var nhs = page.GetByTestId("preview-nhs");
        Assert.Equal("Health and development", (await nhs.GetByTestId("preview-sections").InnerTextAsync()).Trim());
        Assert.Contains("NHS number: 9434765919", await nhs.GetByTestId("preview-identifiers").InnerTextAsync(), StringComparison.Ordinal);
        var housingSections = await page.GetByTestId("preview-housing").GetByTestId("preview-sections").InnerTextAsync();
        Assert.Contains("Accommodation", housingSections, StringComparison.Ordinal);
        Assert.DoesNotContain("Health and development", housingSections, StringComparison.Ordinal);
        Assert.NotEmpty((await page.GetByTestId("preview-housing").GetByTestId("preview-organisation").InnerTextAsync()).Trim());
        Assert.Equal("Duty to refer consents given: to be referred, to the housing authority chosen, to share contact details",
            await page.GetByTestId("preview-housing").GetByTestId("preview-housing-consents").InnerTextAsync());
        foreach (var (code, name) in new[] { (AgencyCodes.Housing, "Housing"), (AgencyCodes.Nhs, "NHS"), (AgencyCodes.Dwp, "Jobcentre") })
        {
            Assert.Equal(ReferralForm.ReasonFor(name), await page.GetByTestId($"preview-{code}").GetByTestId("preview-reason").InnerTextAsync());
        }

        Assert.Equal(ReferralForm.Summary, await page.GetByTestId("preview-summary").InnerTextAsync());
        Assert.Equal(0, await hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == id)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "workspace-refer-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/workspace/referrals/"));
        var rows = page.GetByTestId("legs").Locator("tbody tr[data-agency]");
        Assert.True(await rows.CountAsync() == 3, await page.Locator("main").InnerTextAsync());
        Assert.Equal(3, await rows.CountAsync());
        var shown = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            shown.Add((await rows.Nth(i).GetAttributeAsync("data-agency"))!);
        }

        Assert.Equal([AgencyCodes.Dwp, AgencyCodes.Housing, AgencyCodes.Nhs], shown.Order());
        var stored = await hub.QueryAsync(db => db.Referrals.Include(r => r.Legs).Where(r => r.YoungPersonId == id).ToListAsync());
        var referral = Assert.Single(stored);
        Assert.Equal(3, referral.Legs.Count);
        Assert.Equal("public-task", referral.Legs.Single(l => l.Agency == AgencyCodes.Dwp).LawfulBasis.Basis);
        Assert.Equal(ReferralForm.ReasonFor("Jobcentre"), referral.Legs.Single(l => l.Agency == AgencyCodes.Dwp).Reason);
        Assert.Equal(ReferralForm.Summary, referral.Summary);
        Assert.Equal(new HousingReferralConsents(true, true, true), referral.Legs.Single(l => l.Agency == AgencyCodes.Housing).LawfulBasis.HousingConsents);
        Assert.EndsWith($"/workspace/referrals/{referral.Id}", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "workspace-referral");
    }

    [Fact]
    public async Task Housing_without_every_duty_to_refer_consent_is_an_error_on_the_missing_consent_and_nothing_is_stored()
    {
        var id = await hub.RegisterYoungPersonAsync("Eli", WorkspaceArrange.UniqueFamilyName("Consent"), Born, Accommodation);
        await hub.RecordConsentsAsync(id, AgencyCodes.Housing);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}/refer");

        await ReferralForm.FillAsync(page, sections: ["Accommodation"]);
        await ReferralForm.ChooseHousingAsync(page, consents: 2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var links = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        Assert.Equal(1, await links.CountAsync());
        Assert.Equal("#housing-consent-to-share-contact-details", await links.GetAttributeAsync("href"));
        Assert.Contains("contact details", await page.Locator("#housing-consent-to-share-contact-details-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("Housing", new() { Exact = true }).IsCheckedAsync());
        Assert.True(await page.Locator("#housing-consent-to-be-referred").IsCheckedAsync());
        Assert.Equal(ReferralForm.Summary, await page.Locator("#Summary").InputValueAsync());
        Assert.Equal(0, await page.GetByTestId("preview-housing").CountAsync());
        Assert.Equal(0, await hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == id)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Consent_the_young_person_has_not_given_on_record_is_an_error_on_the_basis_and_nothing_is_stored()
    {
        var id = await hub.RegisterYoungPersonAsync("Ivo", WorkspaceArrange.UniqueFamilyName("NoConsent"), Born, Accommodation, Health);
        await hub.RecordConsentsAsync(id, AgencyCodes.Housing);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}/refer");

        Assert.StartsWith("Consent given on ", (await page.GetByTestId("consent-housing").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("No consent recorded.", (await page.GetByTestId("consent-nhs").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await ReferralForm.FillAsync(page, sections: ["Accommodation", "Health and development"]);
        await ReferralForm.ChooseHousingAsync(page, consents: 3);
        await ReferralForm.ChooseAsync(page, "NHS", "#nhs-basis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var links = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        Assert.Equal(1, await links.CountAsync());
        Assert.Equal("#nhs-basis", await links.GetAttributeAsync("href"));
        Assert.Equal("Ivo's consent to share with the NHS is not recorded: record it on their page first, or choose another lawful basis", (await links.InnerTextAsync()).Trim());
        Assert.Equal($"/workspace/young-people/{id}/consents/new", await page.GetByTestId("consent-nhs").GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.Equal(0, await page.GetByTestId("preview-nhs").CountAsync());
        Assert.Equal(0, await hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == id)));
        Assert.Equal(0, await hub.QueryAsync(db => db.Consents.CountAsync(c => c.YoungPersonId == id && c.Agency == AgencyCodes.Nhs)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_shared_opening_starts_only_the_reasons_that_ask_for_it_and_each_agency_is_shown_only_its_own()
    {
        const string Opening = "Ola wants to stay near her college when she moves.";
        var id = await hub.RegisterYoungPersonAsync("Ola", WorkspaceArrange.UniqueFamilyName("Opening"), Born, Health, Eet);
        await hub.RecordConsentsAsync(id, AgencyCodes.Nhs);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}/refer");
        await ReferralForm.FillAsync(page, sections: ["Health and development", "Education, employment and training"]);
        await page.GetByLabel("A shared opening (optional)").FillAsync(Opening);
        await ReferralForm.ChooseAsync(page, "NHS", "#nhs-basis");
        await page.Locator("#nhs-start-with-opening").CheckAsync();
        await ReferralForm.ChooseAsync(page, "Jobcentre", "#dwp-basis-public-task");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Going back to change the form keeps the opening and which reasons start with it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the referral" }).ClickAsync();
        Assert.Equal(Opening, await page.Locator("#Opening").InputValueAsync());
        Assert.True(await page.Locator("#nhs-start-with-opening").IsCheckedAsync());
        Assert.False(await page.Locator("#dwp-start-with-opening").IsCheckedAsync());
        Assert.Equal(ReferralForm.ReasonFor("Jobcentre"), await page.Locator("#dwp-reason").InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var nhsReason = $"{Opening}\n\n{ReferralForm.ReasonFor("NHS")}";
        Assert.Equal(nhsReason, await page.GetByTestId("preview-nhs").GetByTestId("preview-reason").InnerTextAsync());
        var nhsSees = await page.GetByTestId("preview-nhs").InnerTextAsync();
        var jobcentreSees = await page.GetByTestId("preview-dwp").InnerTextAsync();
        Assert.Contains(ReferralForm.ReasonFor("Jobcentre"), jobcentreSees, StringComparison.Ordinal);
        foreach (var notForTheJobcentre in new[] { Opening, ReferralForm.ReasonFor("NHS"), ReferralForm.Summary })
        {
            Assert.DoesNotContain(notForTheJobcentre, jobcentreSees, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(ReferralForm.ReasonFor("Jobcentre"), nhsSees, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralForm.Summary, nhsSees, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/workspace/referrals/"));
        var legs = await hub.QueryAsync(db => db.Legs.AsNoTracking().Where(l => db.Referrals.Any(r => r.Id == l.ReferralId && r.YoungPersonId == id)).ToListAsync());
        Assert.Equal(nhsReason, legs.Single(l => l.Agency == AgencyCodes.Nhs).Reason);
        Assert.Equal(ReferralForm.ReasonFor("Jobcentre"), legs.Single(l => l.Agency == AgencyCodes.Dwp).Reason);
        Assert.Equal(nhsReason, await page.GetByTestId("leg-reasons").Locator("[data-agency=nhs] dd").InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task An_agency_ticked_without_a_reason_is_an_error_on_its_reason_and_nothing_is_stored()
    {
        var id = await hub.RegisterYoungPersonAsync("Pia", WorkspaceArrange.UniqueFamilyName("NoReason"), Born, Health);
        await hub.RecordConsentsAsync(id, AgencyCodes.Nhs);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}/refer");

        await ReferralForm.FillAsync(page, sections: ["Health and development"]);
        await page.GetByLabel("NHS", new() { Exact = true }).CheckAsync();
        await page.Locator("#nhs-basis").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var links = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        Assert.Equal(1, await links.CountAsync());
        Assert.Equal("#nhs-reason", await links.GetAttributeAsync("href"));
        Assert.Equal("Enter your reason for referring to the NHS", (await links.InnerTextAsync()).Trim());
        Assert.Contains("Enter your reason for referring to the NHS", await page.Locator("#nhs-reason-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("preview-nhs").CountAsync());
        Assert.Equal(0, await hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == id)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Jobcentre_referral_without_a_national_insurance_number_is_an_error_on_the_jobcentre_before_anything_is_sent()
    {
        var id = await hub.RegisterYoungPersonWithoutNationalInsuranceNumberAsync("Fin", WorkspaceArrange.UniqueFamilyName("NoNino"), Born, Eet);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/young-people/{id}/refer");

        await ReferralForm.FillAsync(page, sections: ["Education, employment and training"]);
        await ReferralForm.ChooseAsync(page, "Jobcentre", "#dwp-basis-public-task");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var links = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        Assert.Equal(1, await links.CountAsync());
        Assert.Equal("#Agencies-dwp", await links.GetAttributeAsync("href"));
        Assert.Equal("The Jobcentre needs the young person's National Insurance number: add it to their record.", (await links.InnerTextAsync()).Trim());
        Assert.Contains("National Insurance number", await page.Locator("#Agencies-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("Jobcentre", new() { Exact = true }).IsCheckedAsync());
        Assert.Equal(0, await page.GetByTestId("preview-dwp").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).CountAsync());
        Assert.Equal(0, await hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == id)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Cancelling_a_leg_needs_a_reason_and_then_shows_the_leg_cancelled_with_it()
    {
        var id = await hub.RegisterYoungPersonAsync("Fern", WorkspaceArrange.UniqueFamilyName("Cancel"), Born, Health, Eet);
        var referral = await hub.ReferThroughApiAsync(LocalUsers.PersonalAdviser(BrowserHub.Tenant), id, [Health, Eet], AgencyCodes.Nhs, AgencyCodes.Dwp);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/referrals/{referral}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var whichAgency = page.GetByRole(AriaRole.Group, new() { Name = "Which agency?" });
        await whichAgency.GetByLabel("NHS", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this agency’s part" }).ClickAsync();

        Assert.Equal("#LegCancel-Reason", await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.Equal("Enter the reason for cancelling", await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link).InnerTextAsync());
        Assert.NotEqual(LegStatusCodes.Cancelled, (await hub.LegOfAsync(referral, AgencyCodes.Nhs)).Status);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#LegCancel-Reason").FillAsync("Registered with a GP near her new flat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this agency’s part" }).ClickAsync();

        var nhsRow = page.Locator("[data-testid=legs] tr[data-agency=nhs]");
        await Expect(nhsRow.Locator(".govuk-tag")).ToHaveTextAsync("Cancelled");
        await Expect(nhsRow.GetByTestId("leg-reason")).ToContainTextAsync("Registered with a GP near her new flat");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Registered with a GP near her new flat");
        Assert.NotEqual("Cancelled", await page.Locator("[data-testid=legs] tr[data-agency=dwp] .govuk-tag").InnerTextAsync());
        Assert.Equal(LegStatusCodes.Cancelled, (await hub.LegOfAsync(referral, AgencyCodes.Nhs)).Status);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_legs_region_refreshes_from_a_partial_of_the_same_region()
    {
        var id = await hub.RegisterYoungPersonAsync("Gus", WorkspaceArrange.UniqueFamilyName("Live"), Born, Health);
        var referral = await hub.ReferThroughApiAsync(LocalUsers.PersonalAdviser(BrowserHub.Tenant), id, [Health], AgencyCodes.Nhs);
        var page = await hub.SignedInPageAsync();
        await page.GotoAsync($"/workspace/referrals/{referral}");
        var region = page.Locator("[data-refresh-url]");
        Assert.Equal("polite", await region.GetAttributeAsync("aria-live"));

        var partial = await page.APIRequest.GetAsync((await region.GetAttributeAsync("data-refresh-url"))!);

        Assert.Equal(200, partial.Status);
        var html = (await partial.TextAsync()).Trim();
        Assert.StartsWith("<div class=\"hub-legs\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("data-agency=\"nhs\"", html, StringComparison.Ordinal);
        Assert.Matches("data-settled=\"(true|false)\"", html);
    }
}
