using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Idempotency;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.IntegrationTests.Idempotency;

/// <summary>
/// Idempotency keys where concurrency is real: PostgreSQL makes each repeat wait on the first request's key, in its
/// transaction, then refuses its copy of the key, and the repeat gives the first response.
/// </summary>
public sealed class IdempotencyOnPostgresTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    public static HttpRequestMessage Keyed(string url, string json, string header, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(header, key);
        return request;
    }

    public static bool IsReplayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotentAttribute.ReplayedHeader, out var values) && values.Single() == "true";

    public static string ReferralOf(Guid youngPersonId, string agency) => JsonSerializer.Serialize(new
    {
        youngPersonId,
        planVersion = 1,
        summary = "Leaving care in March",
        sections = new[] { PlanSectionCodes.Accommodation, PlanSectionCodes.Health },
        agencies = new[]
        {
            new { agency, reason = $"Why we refer to {agency}.", lawfulBasis = new { basis = LawfulBases.PublicTask } },
        },
    });

    Task<int> ReferralsOfAsync(Guid youngPersonId) => hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == youngPersonId));

    [Fact]
    public async Task Fifty_concurrent_repeats_of_one_key_make_one_referral_and_all_get_the_first_response()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterWithPlanAsync();
        var referral = ReferralOf(person, AgencyCodes.Nhs);
        var key = $"it-{Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => pa.SendAsync(Keyed("/api/referrals", referral, IdempotentAttribute.KeyHeader, key))));

        foreach (var response in responses)
        {
            await HttpAssert.StatusAsync(HttpStatusCode.Accepted, response);
        }

        var seen = await Task.WhenAll(responses.Select(async r => (r.Headers.Location, await r.Content.ReadAsStringAsync())));
        Assert.Single(seen.Distinct());
        Assert.Single(responses, r => !IsReplayed(r));
        Assert.Equal(1, await ReferralsOfAsync(person));
    }

    [Fact]
    public async Task Fifty_concurrent_repeats_of_one_agency_answers_request_id_record_it_once_and_none_fails()
    {
        using var pa = hub.PersonalAdviser();
        var referralId = await pa.MakeReferralAsync([AgencyCodes.Housing]);
        var legId = (await Scenario.GetAsync(pa, referralId)).Legs.Single().Id;
        var organisation = hub.Services.GetRequiredService<IOptions<AgencyDirectoryOptions>>().Value.OrganisationFor(HubOnRealInfrastructure.TenantId, null, AgencyCodes.Housing).Code;
        using var housing = hub.CreateClient();
        housing.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Services.GetRequiredService<LocalTokenIssuer>().Mint(
            new HubUser("housing-it", "Harper Housing", HubRoles.Agency, HubOnRealInfrastructure.TenantId, AgencyCodes.Housing, null, organisation)));
        var decision = JsonSerializer.Serialize(new
        {
            answerId = Guid.NewGuid(),
            legId,
            status = "accepted",
            duty = "prevention",
            officer = "Pat Officer",
            decidedAt = DateTimeOffset.UtcNow,
            caseReference = "HX-IT-1",
        });
        var requestId = $"it-{Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => housing.SendAsync(Keyed("/api/agency-answers", decision, "X-Request-Id", requestId))));

        foreach (var response in responses)
        {
            await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        }

        Assert.Single((await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        var referral = await pa.GetFromJsonAsync<ReferralDetails>($"/api/referrals/{referralId}");
        Assert.Single(referral!.Timeline, t => t.Kind == TimelineKinds.StatusChanged && t.ToStatus == LegStatusCodes.Accepted);
        Assert.Equal(LegStatusCodes.Accepted, referral.Legs.Single().Status);
    }
}
