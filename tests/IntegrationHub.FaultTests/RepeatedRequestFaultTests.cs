using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Idempotency;
using IntegrationHub.IntegrationTests;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IntegrationHub.FaultTests;

/// <summary>
/// A thousand copies of one request at once, as a client retrying in a storm would send them: one effect, and every
/// copy answered with the first one's response; the key with another body is a 409. The copies beyond what the hub takes
/// at once are turned away by its load shedding and, as a well-behaved client does, sent again after the Retry-After.
/// </summary>
[Trait("Category", Fault.Category)]
public sealed class RepeatedRequestFaultTests(HubWithThreeAgenciesOnAmqp hub, ITestOutputHelper output) : IClassFixture<HubWithThreeAgenciesOnAmqp>
{
    const int Repeats = 1000;

    static HttpRequestMessage Post(string url, string json, string header, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(header, key);
        return request;
    }

    static async Task<IReadOnlyList<(HttpStatusCode Status, bool Replayed, string Body)>> SendAllAsync(HttpClient client, Func<HttpRequestMessage> request)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, Repeats).Select(_ => SendUntilAdmittedAsync(client, request)));
        return await Task.WhenAll(responses.Select(async r =>
        {
            using (r)
            {
                var replayed = r.Headers.TryGetValues(IdempotentAttribute.ReplayedHeader, out var values) && values.Single() == "true";
                return (r.StatusCode, replayed, await r.Content.ReadAsStringAsync());
            }
        }));
    }

    /// <summary>Sends the request again after each 503's Retry-After, up to <see cref="Admissions"/> times; then the 503 is the answer.</summary>
    static async Task<HttpResponseMessage> SendUntilAdmittedAsync(HttpClient client, Func<HttpRequestMessage> request)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.SendAsync(request());
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == Admissions)
            {
                return response;
            }

            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(retryAfter);
        }
    }

    const int Admissions = 60;

    static string Describe(IEnumerable<(HttpStatusCode Status, bool Replayed, string Body)> answers) =>
        string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"));

    [Fact]
    public async Task Thousand_concurrent_repeats_of_one_idempotency_key_make_one_referral_and_all_get_the_first_response()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterWithPlanAsync();
        var referral = JsonSerializer.Serialize(Scenario.ReferralOf(person, [AgencyCodes.Nhs]));
        var key = $"fault-{Guid.NewGuid():N}";

        var answers = await SendAllAsync(pa, () => Post("/api/referrals", referral, IdempotentAttribute.KeyHeader, key));
        using var otherBody = await pa.SendAsync(Post("/api/referrals", JsonSerializer.Serialize(Scenario.ReferralOf(person, [AgencyCodes.Dwp])), IdempotentAttribute.KeyHeader, key));
        var made = await hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == person));

        Fault.Report(output, $"fault: {Repeats} concurrent repeats of one Idempotency-Key | answers {Describe(answers)} | first {answers.Count(a => !a.Replayed)} | "
            + $"distinct bodies {answers.Select(a => a.Body).Distinct().Count()} | referrals made {made} | another body {(int)otherBody.StatusCode}");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.Single(answers, a => !a.Replayed);
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(1, made);
        Assert.Equal(HttpStatusCode.Conflict, otherBody.StatusCode);
    }

    [Fact]
    public async Task Thousand_concurrent_repeats_of_one_agency_answers_request_id_record_one_answer_and_all_get_the_first_response()
    {
        using var pa = hub.PersonalAdviser();
        var referralId = await pa.MakeReferralAsync([AgencyCodes.Housing]);
        var legId = (await Scenario.GetAsync(pa, referralId)).Legs.Single().Id;
        using var housing = hub.CreateClient();
        housing.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Services.GetRequiredService<LocalTokenIssuer>().Mint(new HubUser(
            "housing-fault", "Harper Housing", HubRoles.Agency, HubOnRealInfrastructure.TenantId, AgencyCodes.Housing, null, HousingAgency.Define(new AdapterOptions()).DefaultOrganisation.Code)));
        string Decision(string duty) => JsonSerializer.Serialize(new
        {
            answerId = Guid.NewGuid(),
            legId,
            status = "accepted",
            duty,
            officer = "Pat Officer",
            decidedAt = DateTimeOffset.UtcNow,
            caseReference = "HX-FAULT-1",
        });
        var decision = Decision("prevention");
        var requestId = $"fault-{Guid.NewGuid():N}";

        var answers = await SendAllAsync(housing, () => Post("/api/agency-answers", decision, "X-Request-Id", requestId));
        using var otherBody = await housing.SendAsync(Post("/api/agency-answers", Decision("relief"), "X-Request-Id", requestId));
        var referral = await pa.GetFromJsonAsync<ReferralDetails>($"/api/referrals/{referralId}");
        var acceptances = referral!.Timeline.Count(t => t.Kind == TimelineKinds.StatusChanged && t.ToStatus == LegStatusCodes.Accepted);

        Fault.Report(output, $"fault: {Repeats} concurrent repeats of one X-Request-Id | answers {Describe(answers)} | first {answers.Count(a => !a.Replayed)} | "
            + $"distinct bodies {answers.Select(a => a.Body).Distinct().Count()} | acceptances recorded {acceptances} | another body {(int)otherBody.StatusCode}");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers, a => !a.Replayed);
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(1, acceptances);
        Assert.Equal(HttpStatusCode.Conflict, otherBody.StatusCode);
    }
}
