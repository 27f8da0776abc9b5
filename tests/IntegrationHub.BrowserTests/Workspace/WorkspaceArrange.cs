using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IntegrationHub.BrowserTests.Workspace;

/// <summary>What the workspace tests arrange through the API, and signing in as the Personal Adviser.</summary>
public static class WorkspaceArrange
{
    public static string PersonalAdviser => LocalUsers.PersonalAdviser(BrowserHub.Tenant).Name;

    public static async Task<IPage> SignedInPageAsync(this BrowserHub hub)
    {
        var page = await hub.NewPageAsync();
        await BrowserHub.SignInAsync(page, PersonalAdviser);
        return page;
    }

    /// <summary>A family name no other test uses, so a search finds one person.</summary>
    public static string UniqueFamilyName(string stem) => $"{stem}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A referral of these sections of version 1 of the plan, on consent, made through the API.</summary>
    public static async Task<Guid> ReferThroughApiAsync(this BrowserHub hub, HubUser user, Guid youngPersonId, string[] sections, params string[] agencies)
    {
        using var api = hub.ApiClient(user);
        var consent = new LawfulBasisInput("consent", user.Name, DateTimeOffset.UtcNow.AddMinutes(-5), "Signed consent form");
        var response = await api.PostAsJsonAsync("/api/referrals", new MakeReferral(
            youngPersonId, 1, "Needs support moving on", [.. sections], [.. agencies.Select(a => new ReferralAgency(a, ReferralForm.ReasonFor(a), consent))]));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReferralAccepted>())!.Id;
    }

    /// <summary>The referral's leg for an agency, as the hub's database holds it now.</summary>
    public static Task<Leg> LegOfAsync(this BrowserHub hub, Guid referralId, string agency) =>
        hub.QueryAsync(db => db.Legs.AsNoTracking().SingleAsync(l => l.ReferralId == referralId && l.Agency == agency));

    /// <summary>A young person with a one-section plan in the other local authority, registered by its own Personal Adviser.</summary>
    public static async Task<Guid> RegisterInOtherTenantAsync(this BrowserHub hub)
    {
        using var api = hub.ApiClient(LocalUsers.PersonalAdviser(BrowserHub.OtherTenant));
        var created = await api.PostAsJsonAsync("/api/young-people", new
        {
            givenName = "Elsewhere",
            familyName = "Person",
            dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19),
            localAuthorityPersonId = $"OT-{Guid.NewGuid().ToString("N")[..8]}",
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<YoungPersonDetails>())!.Id;
        var plan = await api.PostAsJsonAsync($"/api/young-people/{id}/pathway-plan/versions", new
        {
            sections = new[] { new { code = PlanSectionCodes.Health, needs = new[] { "Registering with a GP" } } },
        });
        plan.EnsureSuccessStatusCode();
        return id;
    }
}
