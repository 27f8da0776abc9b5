using IntegrationHub.Auditing;
using System.Net;
using System.Text.RegularExpressions;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.Tests.Pages;

/// <summary>
/// The partner inbox of two NHS organisations of one local authority, signed in as their local users:
/// each lists, opens and answers only the legs addressed to it.
/// </summary>
public sealed partial class PartnerInboxOrganisationTests(OrganisationsHub hub) : IClassFixture<OrganisationsHub>
{
    const string HomeTrustWorker = "demo-nhs-worker";
    static readonly string LeedsIcbWorker = $"demo-nhs-{OrganisationsHub.LeedsIcb}-worker";

    /// <summary>A browser signed in on the local sign-in page as one of tenant A's local users.</summary>
    async Task<HttpClient> SignedInAsync(string userId)
    {
        var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync(HubPages.SignInPath);
        var signedIn = await browser.PostAsync(HubPages.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["SignInAs"] = $"{HubFactory.TenantA}:{userId}",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    Task<string> StatusAsync(Guid legId) => hub.QueryAsync(db => db.Legs.Where(l => l.Id == legId).Select(l => l.Status).SingleAsync());

    [Fact]
    public async Task Each_organisations_inbox_lists_only_its_own_legs_under_its_name()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var homeTrust = await SignedInAsync(HomeTrustWorker);
        using var leedsIcb = await SignedInAsync(LeedsIcbWorker);

        var home = await homeTrust.GetStringAsync("/partner");
        var leeds = await leedsIcb.GetStringAsync("/partner");

        Assert.Contains($"/partner/legs/{legs.HomeLeg(Nhs)}", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"/partner/legs/{legs.LeedsLeg(Nhs)}", home, StringComparison.Ordinal);
        Assert.Contains(OrganisationsHub.HomeTrustName, home, StringComparison.Ordinal);
        Assert.Contains($"/partner/legs/{legs.LeedsLeg(Nhs)}", leeds, StringComparison.Ordinal);
        Assert.DoesNotContain($"/partner/legs/{legs.HomeLeg(Nhs)}", leeds, StringComparison.Ordinal);
        Assert.Contains(OrganisationsHub.LeedsIcbName, leeds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_leg_page_is_not_found_and_it_cannot_be_answered_there()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var homeTrust = await SignedInAsync(HomeTrustWorker);
        var ownPage = await homeTrust.GetStringAsync($"/partner/legs/{legs.HomeLeg(Nhs)}");
        var before = await hub.CountRowsAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await homeTrust.GetAsync($"/partner/legs/{legs.LeedsLeg(Nhs)}")).StatusCode);
        var answered = await homeTrust.PostAsync($"/partner/legs/{legs.LeedsLeg(Nhs)}?handler=acknowledge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(ownPage),
            ["answerId"] = Guid.NewGuid().ToString(),
        }));

        Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
        Assert.Equal(LegStatusCodes.Requested, await StatusAsync(legs.LeedsLeg(Nhs)));
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Out_of_area_organisation_answers_its_leg_and_its_read_is_audited_under_its_name()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var leedsIcb = await SignedInAsync(LeedsIcbWorker);
        var page = await leedsIcb.GetStringAsync($"/partner/legs/{legs.LeedsLeg(Nhs)}");

        var answered = await leedsIcb.PostAsync($"/partner/legs/{legs.LeedsLeg(Nhs)}?handler=acknowledge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["answerId"] = Guid.NewGuid().ToString(),
        }));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(LegStatusCodes.Received, await StatusAsync(legs.LeedsLeg(Nhs)));
        var read = Assert.Single(await hub.QueryAsync(db => db.Audit.Where(a => a.Action == AuditActions.Read && a.YoungPersonId == legs.Leeds.Id).ToListAsync()));
        Assert.Equal(LeedsIcbWorker, read.ActorId);
        Assert.Equal(OrganisationsHub.LeedsIcb, read.Organisation);
    }
}
