using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationHub.BrowserTests.Workspace;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.BrowserTests.Board;

/// <summary>What the board's tests arrange through the API, as the Personal Adviser, the agencies and the managers would.</summary>
public static class BoardArrangement
{
    public const string BoardMemberName = "Corporate Parenting Board member";

    static readonly string[] Sections = [Accommodation, Health, Financial];

    /// <summary>The manager who acts at each level of the ladder: a team manager, a head of service, a board member.</summary>
    static readonly string[] ManagerRoles = [HubRoles.TeamManager, HubRoles.HeadOfService, HubRoles.BoardMember];

    public static HubUser BoardMember(string tenantId = BrowserHub.Tenant) =>
        DemoPeople.Users.For(tenantId).Single(u => u.Role == HubRoles.BoardMember);

    /// <summary>Registers a young person with a pathway plan and refers them to these agencies; the referral's legs wait in the partner inbox.</summary>
    public static async Task<ReferralAccepted> ReferAsync(
        BrowserHub hub, string givenName, DateOnly born, string[] agencies, string tenantId = BrowserHub.Tenant)
    {
        using var pa = hub.ApiClient(LocalUsers.PersonalAdviser(tenantId));
        var registered = await pa.PostAsJsonAsync("/api/young-people", new
        {
            givenName,
            familyName = "Testington",
            dateOfBirth = born,
            localAuthorityPersonId = $"LA-{Guid.NewGuid():N}"[..20],
            nhsNumber = "9434765919",
            nationalInsuranceNumber = "JK654321B",
            email = "young.person@example.org",
            phone = "07700 900123",
            addressLine = "1 Example Street",
            postcode = "EX1 1AA",
        });
        var person = await ReadAsync<JsonObject>(registered);
        var personId = (Guid)person["id"]!;
        var plan = await pa.PostAsJsonAsync($"/api/young-people/{personId}/pathway-plan/versions", new
        {
            sections = Sections.Select(code => new { code, needs = new[] { $"Needs help with {code}" }, actions = new[] { $"Refer for {code}" }, owner = "Sam Patel", reviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3) }),
        });
        var version = (int)(await ReadAsync<JsonObject>(plan))["number"]!;
        var consent = new LawfulBasisInput("consent", "Sam Patel", DateTimeOffset.UtcNow.AddMinutes(-5), "Signed consent form");
        var referral = await pa.PostAsJsonAsync("/api/referrals", new MakeReferral(
            personId, version, "Moving on from supported lodgings", [.. Sections], [.. agencies.Select(a => new ReferralAgency(a, ReferralForm.ReasonFor(a), consent))]));
        return await ReadAsync<ReferralAccepted>(referral);
    }

    /// <summary>The housing authority declines its leg with its own decision document.</summary>
    public static async Task DeclineHousingLegAsync(BrowserHub hub, ReferralAccepted referral, string declineReason)
    {
        using var api = hub.AgencyWorker(AgencyCodes.Housing);
        var decision = new JsonObject
        {
            ["answerId"] = Guid.NewGuid().ToString(),
            ["legId"] = LegOf(referral, AgencyCodes.Housing).ToString(),
            ["status"] = "declined",
            ["declineReason"] = declineReason,
            ["officer"] = "Pat Officer",
            ["decidedAt"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agency-answers")
        {
            Content = new StringContent(decision.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Request-Id", $"req-{Guid.NewGuid():N}");
        await ReadAsync<JsonObject>(await api.SendAsync(request));
    }

    /// <summary>The manager whose level it is raises an escalation on one agency's leg of the referral.</summary>
    public static async Task RaiseEscalationAsync(BrowserHub hub, ReferralAccepted referral, string agency, int level)
    {
        using var api = hub.ApiClient(DemoPeople.Users.For(BrowserHub.Tenant).Single(u => u.Role == ManagerRoles[level - 1]));
        var raised = await api.PostAsJsonAsync("/api/escalations", new
        {
            referralId = referral.Id,
            legId = LegOf(referral, agency),
            reason = $"Raised by the browser tests at level {level}",
            level,
        });
        await ReadAsync<JsonObject>(raised);
    }

    public static Guid LegOf(ReferralAccepted referral, string agency) => referral.Legs.Single(l => l.Agency == agency).Id;

    static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<T>() ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered nothing.");
    }
}
