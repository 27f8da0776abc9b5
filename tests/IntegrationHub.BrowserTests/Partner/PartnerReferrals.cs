using System.Net.Http.Json;
using IntegrationHub.BrowserTests.Workspace;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.BrowserTests.Partner;

/// <summary>Referrals arranged through the API as a Personal Adviser makes them, for the partner inbox to show.</summary>
public static class PartnerReferrals
{
    /// <summary>The Personal Adviser's own summary of the referrals arranged here: no agency is sent it.</summary>
    public const string Summary = "Leaving foster care next month and needs support to settle.";

    /// <summary>A referral of the young person's plan sections to the agencies; returns each agency's leg id.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> ReferAsync(
        this BrowserHub hub, string tenant, Guid youngPersonId, string[] sections, params string[] agencies)
    {
        using var api = hub.ApiClient(LocalUsers.PersonalAdviser(tenant));
        var made = await api.PostAsJsonAsync("/api/referrals", new MakeReferral(
            youngPersonId,
            1,
            Summary,
            [.. sections],
            [.. agencies.Select(agency => new ReferralAgency(agency, ReferralForm.ReasonFor(agency), new LawfulBasisInput("consent", "Sam Patel", DateTimeOffset.UtcNow.AddDays(-1), "Signed consent form")))]));
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        var referral = await made.Content.ReadFromJsonAsync<ReferralAccepted>() ?? throw new InvalidOperationException("No referral came back.");
        return referral.Legs.ToDictionary(l => l.Agency, l => l.Id);
    }

    /// <summary>Registers a young person with a one-version pathway plan in another local authority than the fixture's own.</summary>
    public static async Task<Guid> RegisterElsewhereAsync(this BrowserHub hub, string tenant, string givenName, string familyName, params string[] sections)
    {
        using var api = hub.ApiClient(LocalUsers.PersonalAdviser(tenant));
        var created = await api.PostAsJsonAsync("/api/young-people", new
        {
            givenName,
            familyName,
            dateOfBirth = Born,
            localAuthorityPersonId = $"LA-{Guid.NewGuid():N}"[..12],
            email = $"{givenName.ToLowerInvariant()}@example.org",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var person = await created.Content.ReadFromJsonAsync<IdOnly>() ?? throw new InvalidOperationException("No young person came back.");
        var plan = await api.PostAsJsonAsync($"/api/young-people/{person.Id}/pathway-plan/versions", new
        {
            sections = sections.Select(code => new { code, needs = new[] { $"Needs help with {code}" }, actions = new[] { $"Refer for {code}" }, owner = "Sam Patel" }),
        });
        Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        return person.Id;
    }

    public static Task<Leg> LegAsync(this BrowserHub hub, Guid legId) =>
        hub.QueryAsync(db => db.Legs.AsNoTracking().SingleAsync(l => l.Id == legId));

    /// <summary>Someone of an age the hub refers for (16 to 25).</summary>
    public static DateOnly Born => DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19);

    sealed record IdOnly(Guid Id);
}
