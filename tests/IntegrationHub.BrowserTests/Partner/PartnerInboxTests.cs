using System.Net.Http.Json;
using IntegrationHub.BrowserTests.Workspace;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static Microsoft.Playwright.Assertions;
using System.Text.RegularExpressions;

namespace IntegrationHub.BrowserTests.Partner;

public sealed class PartnerInboxTests(BrowserHub hub) : IClassFixture<BrowserHub>
{
    static string WorkerName(string agency, string tenant = BrowserHub.Tenant) =>
        DemoPeople.Users.For(tenant).Single(u => u.Role == HubRoles.Agency && u.Agency == agency).Name;

    async Task<IPage> SignedInAsync(string agency)
    {
        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, WorkerName(agency));
        return page;
    }

    static ILocator Status(IPage page) => page.GetByTestId("status");

    static Task ClickAsync(IPage page, string button) =>
        page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [Fact]
    public async Task Agency_worker_sees_only_their_agencys_legs()
    {
        var person = await hub.RegisterYoungPersonAsync("Hana", "Loveday", PartnerReferrals.Born, Accommodation, Health);
        var legs = await hub.ReferAsync(BrowserHub.Tenant, person, [Accommodation, Health], AgencyCodes.Housing, AgencyCodes.Nhs);
        var elsewhere = await hub.RegisterElsewhereAsync(BrowserHub.OtherTenant, "Otto", "Elsewhere", Accommodation);
        var otherTenantLegs = await hub.ReferAsync(BrowserHub.OtherTenant, elsewhere, [Accommodation], AgencyCodes.Housing);
        var page = await SignedInAsync(AgencyCodes.Housing);

        await page.GotoAsync("/partner");

        Assert.Equal("Referrals to Housing", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var row = page.GetByTestId("referrals").GetByRole(AriaRole.Row).Filter(new() { HasText = "Hana Loveday" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("Sent", await row.Locator(".govuk-tag").InnerTextAsync());
        Assert.Equal($"/partner/legs/{legs[AgencyCodes.Housing]}", await row.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.Equal(0, await page.Locator($"a[href='/partner/legs/{legs[AgencyCodes.Nhs]}']").CountAsync());
        Assert.Equal(0, await page.Locator($"a[href='/partner/legs/{otherTenantLegs[AgencyCodes.Housing]}']").CountAsync());
        Assert.DoesNotContain("Otto Elsewhere", await page.ContentAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "partner-list");
    }

    [Fact]
    public async Task Partner_list_filters_by_status_and_says_when_there_is_nothing()
    {
        var person = await hub.RegisterYoungPersonAsync("Ivo", "Tamsin", PartnerReferrals.Born, Justice);
        await hub.ReferAsync(BrowserHub.Tenant, person, [Justice], AgencyCodes.Yos);
        var page = await SignedInAsync(AgencyCodes.Yos);
        await page.GotoAsync("/partner");

        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Completed" });
        await ClickAsync(page, "Apply");
        await Expect(page).ToHaveURLAsync(new Regex(@"/partner\?status=completed$"));

        Assert.EndsWith("/partner?status=completed", page.Url, StringComparison.Ordinal);
        Assert.Equal("There are no referrals to Youth offending service with the status ‘Completed’.", (await page.GetByTestId("no-referrals").InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Sent" });
        await ClickAsync(page, "Apply");
        await Expect(page).ToHaveURLAsync(new Regex(@"/partner\?status=requested$"));

        Assert.Equal(1, await page.GetByTestId("referrals").GetByRole(AriaRole.Row).Filter(new() { HasText = "Ivo Tamsin" }).CountAsync());
    }

    [Fact]
    public async Task Acknowledging_then_accepting_moves_the_leg_to_accepted()
    {
        var person = await hub.RegisterYoungPersonAsync("Ada", "Quill", PartnerReferrals.Born, Accommodation);
        var legId = (await hub.ReferAsync(BrowserHub.Tenant, person, [Accommodation], AgencyCodes.Housing))[AgencyCodes.Housing];
        var page = await SignedInAsync(AgencyCodes.Housing);
        await page.GotoAsync("/partner");
        await page.GetByRole(AriaRole.Link, new() { Name = "View referral for Ada Quill" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ada Quill");
        Assert.Equal("Sent", await Status(page).InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Your reference (optional)").FillAsync("HX-2026-0042");
        await ClickAsync(page, "Acknowledge referral");

        await Expect(page.GetByTestId("recorded")).ToContainTextAsync("Referral acknowledged");
        Assert.Equal("Acknowledged", await Status(page).InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge referral" }).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await ClickAsync(page, "Accept referral");

        await Expect(page.GetByTestId("recorded")).ToContainTextAsync("Referral accepted");
        Assert.Equal("Accepted", await Status(page).InnerTextAsync());
        Assert.Contains("Acknowledged to Accepted", await page.GetByTestId("history").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "partner-leg-accepted");
        var leg = await hub.LegAsync(legId);
        Assert.Equal(LegStatusCodes.Accepted, leg.Status);
        Assert.Equal("HX-2026-0042", leg.AgencyReference);
    }

    [Fact]
    public async Task Declining_needs_a_coded_reason_and_records_it_with_the_words()
    {
        var person = await hub.RegisterYoungPersonAsync("Bea", "Ferris", PartnerReferrals.Born, Accommodation);
        var legId = (await hub.ReferAsync(BrowserHub.Tenant, person, [Accommodation], AgencyCodes.Housing))[AgencyCodes.Housing];
        var page = await SignedInAsync(AgencyCodes.Housing);
        await page.GotoAsync($"/partner/legs/{legId}");

        await ClickAsync(page, "Decline referral");

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        Assert.Equal(
            ["#code", "#reason"],
            await summary.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"));
        Assert.Equal("Select why you are declining the referral", await summary.GetByRole(AriaRole.Link).First.InnerTextAsync());
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Sent", await Status(page).InnerTextAsync());
        Assert.Equal(LegStatusCodes.Requested, (await hub.LegAsync(legId)).Status);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "Why are you declining?" })
            .GetByLabel("No local connection with the housing authority's district.").CheckAsync();
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Lives in another district with family.");
        await ClickAsync(page, "Decline referral");

        await Expect(page.GetByTestId("recorded")).ToContainTextAsync("Referral declined");
        Assert.Equal("Declined", await Status(page).InnerTextAsync());
        var reason = await page.GetByTestId("status-reason").InnerTextAsync();
        Assert.Contains("No local connection with the housing authority's district.", reason, StringComparison.Ordinal);
        Assert.Contains("Lives in another district with family.", reason, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Accept referral" }).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var leg = await hub.LegAsync(legId);
        Assert.Equal((LegStatusCodes.Rejected, "no-local-connection"), (leg.Status, leg.ReasonCode));
    }

    [Fact]
    public async Task Completing_after_starting_work_needs_and_records_an_outcome()
    {
        var person = await hub.RegisterYoungPersonAsync("Cal", "Denby", PartnerReferrals.Born, Eet);
        var legId = (await hub.ReferAsync(BrowserHub.Tenant, person, [Eet], AgencyCodes.Dwp))[AgencyCodes.Dwp];
        var page = await SignedInAsync(AgencyCodes.Dwp);
        await page.GotoAsync($"/partner/legs/{legId}");
        await ClickAsync(page, "Accept referral");
        await Expect(Status(page)).ToHaveTextAsync("Accepted");
        await page.GetByLabel("Note for the Personal Adviser (optional)").FillAsync("First appointment next week.");
        await ClickAsync(page, "Start work");
        await Expect(Status(page)).ToHaveTextAsync("In progress");

        await ClickAsync(page, "Complete referral");

        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        Assert.Equal("#outcome", await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.Equal("In progress", await Status(page).InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Outcome").FillAsync("Claim set up and work coach assigned.");
        await ClickAsync(page, "Complete referral");

        await Expect(page.GetByTestId("recorded")).ToContainTextAsync("Referral completed");
        Assert.Equal("Completed", await Status(page).InnerTextAsync());
        Assert.Equal(1, await page.GetByTestId("no-actions").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var leg = await hub.LegAsync(legId);
        Assert.Equal((LegStatusCodes.Completed, "Claim set up and work coach assigned."), (leg.Status, leg.Outcome));
    }

    [Fact]
    public async Task Answering_a_leg_cancelled_meanwhile_shows_the_hubs_refusal()
    {
        var person = await hub.RegisterYoungPersonAsync("Jon", "Ashby", PartnerReferrals.Born, Accommodation);
        var legId = (await hub.ReferAsync(BrowserHub.Tenant, person, [Accommodation], AgencyCodes.Housing))[AgencyCodes.Housing];
        var page = await SignedInAsync(AgencyCodes.Housing);
        await page.GotoAsync($"/partner/legs/{legId}");
        using (var api = hub.ApiClient(LocalUsers.PersonalAdviser(BrowserHub.Tenant)))
        {
            var referralId = (await hub.LegAsync(legId)).ReferralId;
            var cancelled = await api.PostAsJsonAsync($"/api/referrals/{referralId}/legs/{legId}/cancellation", new CancelRequest("Moved to another area."));
            Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
        }

        await ClickAsync(page, "Accept referral");

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("A leg cannot move from 'cancelled' to 'accepted'.");
        Assert.Equal("Cancelled", await Status(page).InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Accept referral" }).CountAsync());
        Assert.Contains("Refused a move from Cancelled to Accepted", await page.GetByTestId("history").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Equal(LegStatusCodes.Cancelled, (await hub.LegAsync(legId)).Status);
    }

    [Fact]
    public async Task Sending_an_answer_twice_records_it_once()
    {
        var person = await hub.RegisterYoungPersonAsync("Dee", "Harlow", PartnerReferrals.Born, Accommodation);
        var legId = (await hub.ReferAsync(BrowserHub.Tenant, person, [Accommodation], AgencyCodes.Housing))[AgencyCodes.Housing];
        var page = await SignedInAsync(AgencyCodes.Housing);
        await page.GotoAsync($"/partner/legs/{legId}");
        var form = FormOf(page, "Accept referral");

        var first = await PostFormAsync(page, form);
        var second = await PostFormAsync(page, form);

        Assert.Equal((302, 302), (first.Status, second.Status));
        var lines = await hub.QueryAsync(db => db.Timeline.AsNoTracking().Where(t => t.LegId == legId).ToListAsync());
        Assert.Single(lines, t => t.Kind == TimelineKinds.StatusChanged && t.ToStatus == LegStatusCodes.Accepted);
        Assert.DoesNotContain(lines, t => t.Kind == TimelineKinds.TransitionRefused);
    }

    [Fact]
    public async Task Agency_worker_cannot_open_another_agencys_leg_by_url()
    {
        var person = await hub.RegisterYoungPersonAsync("Eli", "Marsh", PartnerReferrals.Born, Accommodation, Health);
        var legs = await hub.ReferAsync(BrowserHub.Tenant, person, [Accommodation, Health], AgencyCodes.Housing, AgencyCodes.Nhs);
        var elsewhere = await hub.RegisterElsewhereAsync(BrowserHub.OtherTenant, "Faye", "Ortiz", Accommodation);
        var otherTenantLeg = (await hub.ReferAsync(BrowserHub.OtherTenant, elsewhere, [Accommodation], AgencyCodes.Housing))[AgencyCodes.Housing];
        var page = await SignedInAsync(AgencyCodes.Housing);

        foreach (var legId in new[] { legs[AgencyCodes.Nhs], otherTenantLeg, Guid.NewGuid() })
        {
            var response = await page.GotoAsync($"/partner/legs/{legId}");

            Assert.Equal(404, response!.Status);
            Assert.Equal("Page not found", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
            var content = await page.ContentAsync();
            Assert.DoesNotContain("Marsh", content, StringComparison.Ordinal);
            Assert.DoesNotContain("Ortiz", content, StringComparison.Ordinal);
            Assert.DoesNotContain("Needs help with", content, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        // Nor answer it: a form of the worker's own leg, sent to the other agency's, finds no leg and changes nothing.
        await page.GotoAsync($"/partner/legs/{legs[AgencyCodes.Housing]}");
        var answered = await PostFormAsync(page, FormOf(page, "Accept referral"), $"/partner/legs/{legs[AgencyCodes.Nhs]}?handler=accept");
        Assert.Equal(404, answered.Status);
        Assert.Equal(LegStatusCodes.Requested, (await hub.LegAsync(legs[AgencyCodes.Nhs])).Status);
    }

    [Fact]
    public async Task Leg_page_shows_only_the_reason_and_sections_shared_with_the_agency()
    {
        var person = await hub.RegisterYoungPersonAsync("Gus", "Penrose", PartnerReferrals.Born, Eet, Financial, Health);
        var legs = await hub.ReferAsync(BrowserHub.Tenant, person, [Eet, Financial, Health], AgencyCodes.Dwp, AgencyCodes.Nhs);
        var page = await SignedInAsync(AgencyCodes.Dwp);

        await page.GotoAsync($"/partner/legs/{legs[AgencyCodes.Dwp]}");

        Assert.Equal(ReferralForm.ReasonFor(AgencyCodes.Dwp), await page.GetByTestId("reason").InnerTextAsync());
        Assert.Equal(1, await page.GetByTestId($"section-{Eet}").CountAsync());
        Assert.Equal(1, await page.GetByTestId($"section-{Financial}").CountAsync());
        Assert.Equal(0, await page.GetByTestId($"section-{Health}").CountAsync());
        var content = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Needs help with eet", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Needs help with health", content, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralForm.ReasonFor(AgencyCodes.Nhs), content, StringComparison.Ordinal);
        Assert.DoesNotContain(PartnerReferrals.Summary, content, StringComparison.Ordinal);
        Assert.Contains("JK654321B", content, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765919", content, StringComparison.Ordinal);
        Assert.Contains("Sam Patel", await page.GetByTestId("referrer").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Consent of the young person", await page.GetByTestId("lawful-basis").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Artefacts.ScreenshotAsync(page, "partner-leg");
    }

    static ILocator FormOf(IPage page, string button) =>
        page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }) });

    /// <summary>Sends the form's fields as they are (its answer id and antiforgery token) with the browser's cookies, as a second click would.</summary>
    static async Task<IAPIResponse> PostFormAsync(IPage page, ILocator form, string? action = null)
    {
        var fields = await form.EvaluateAsync<Dictionary<string, string>>("f => Object.fromEntries(new FormData(f))");
        var data = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            data.Set(name, value);
        }

        var url = action ?? await form.GetAttributeAsync("action") ?? throw new InvalidOperationException("The form has no action.");
        return await page.Context.APIRequest.PostAsync(url, new() { Form = data, MaxRedirects = 0 });
    }
}
