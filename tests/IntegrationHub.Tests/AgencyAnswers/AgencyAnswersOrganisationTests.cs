using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Contracts.V1;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.AgencyAnswers;

/// <summary>
/// Two housing authorities answer legs of one local authority over HTTPS: its own, and Leeds's for a young
/// person living there. Each answers only its own legs; request ids are each organisation's own.
/// </summary>
public class AgencyAnswersOrganisationTests(OrganisationsHub hub) : IClassFixture<OrganisationsHub>
{
    static JsonObject Decision(Guid legId, string status) => new()
    {
        ["answerId"] = Guid.NewGuid().ToString(),
        ["legId"] = legId.ToString(),
        ["status"] = status,
        ["officer"] = "Pat Officer",
        ["decidedAt"] = DateTimeOffset.UtcNow.ToString("O"),
    };

    static async Task<HttpResponseMessage> PostAsync(HttpClient housing, JsonObject decision, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agency-answers")
        {
            Content = new StringContent(decision.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Request-Id", requestId);
        return await housing.SendAsync(request);
    }

    Task<string> StatusAsync(Guid legId) => hub.QueryAsync(db => db.Legs.Where(l => l.Id == legId).Select(l => l.Status).SingleAsync());

    [Fact]
    public async Task Housing_authority_cannot_answer_the_leg_addressed_to_the_out_of_area_authority()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var ownAuthority = hub.AgencyWorker(Housing);
        using var leeds = hub.AgencyWorker(Housing, organisation: HubFactory.OutOfAreaHousing);
        var before = await hub.CountRowsAsync();

        var refused = await PostAsync(ownAuthority, Decision(legs.LeedsLeg(Housing), "acknowledged"), $"req-{Guid.NewGuid():N}");

        await ExpectAsync(refused, HttpStatusCode.NotFound);
        Assert.Contains($"No leg {legs.LeedsLeg(Housing)} is shared with you.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await hub.CountRowsAsync());
        Assert.Equal(LegStatusCodes.Requested, await StatusAsync(legs.LeedsLeg(Housing)));

        await ExpectAsync(await PostAsync(leeds, Decision(legs.LeedsLeg(Housing), "acknowledged"), $"req-{Guid.NewGuid():N}"), HttpStatusCode.OK);
        Assert.Equal(LegStatusCodes.Received, await StatusAsync(legs.LeedsLeg(Housing)));
    }

    [Fact]
    public async Task Two_organisations_may_use_the_same_request_id_each_for_its_own_answer()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var ownAuthority = hub.AgencyWorker(Housing);
        using var leeds = hub.AgencyWorker(Housing, organisation: HubFactory.OutOfAreaHousing);
        var requestId = $"req-{Guid.NewGuid():N}";

        var home = await PostAsync(ownAuthority, Decision(legs.HomeLeg(Housing), "acknowledged"), requestId);
        var away = await PostAsync(leeds, Decision(legs.LeedsLeg(Housing), "acknowledged"), requestId);

        await ExpectAsync(home, HttpStatusCode.OK);
        await ExpectAsync(away, HttpStatusCode.OK);
        using var answered = JsonDocument.Parse(await away.Content.ReadAsStringAsync());
        Assert.Equal(legs.LeedsLeg(Housing), answered.RootElement.GetProperty("answers")[0].GetProperty("legId").GetGuid());
        Assert.Equal(LegStatusCodes.Received, await StatusAsync(legs.HomeLeg(Housing)));
        Assert.Equal(LegStatusCodes.Received, await StatusAsync(legs.LeedsLeg(Housing)));
    }
}
