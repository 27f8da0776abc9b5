using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Consents;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Consents;

/// <summary>What a Personal Adviser's or a young person's client does with consents, with the hub's own request and response types.</summary>
public static class ConsentSteps
{
    /// <summary>A valid consent given a month ago, to be reviewed in five months; the tests change one field at a time with <c>with</c>.</summary>
    public static RecordConsent NewConsent(string agency, string evidence = "Signed form in case file") =>
        new(agency, Today.AddMonths(-1), evidence, Today.AddMonths(5));

    public static async Task<ConsentDetails> RecordConsentAsync(this HttpClient pa, Guid youngPersonId, RecordConsent consent)
    {
        var response = await pa.PostAsJsonAsync($"/api/young-people/{youngPersonId}/consents", consent);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<ConsentDetails>())!;
    }

    public static async Task<List<AgencyConsent>> ConsentsAsync(this HttpClient client, Guid youngPersonId)
    {
        var response = await client.GetAsync($"/api/young-people/{youngPersonId}/consents");
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<AgencyConsent>>())!;
    }

    public static async Task<ConsentWithdrawn> WithdrawConsentAsync(this HttpClient client, Guid youngPersonId, string agency, string? reason = null)
    {
        var response = await client.PostAsJsonAsync($"/api/young-people/{youngPersonId}/consents/{agency}/withdrawal", new WithdrawConsent(reason));
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<ConsentWithdrawn>())!;
    }

    public static AgencyConsent Of(this IEnumerable<AgencyConsent> consents, string agency) => consents.Single(c => c.Agency == agency);
}
