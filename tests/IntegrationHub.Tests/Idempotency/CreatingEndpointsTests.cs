using System.Net;
using IntegrationHub.Board;
using IntegrationHub.Consents;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;
using static IntegrationHub.Tests.Idempotency.Keyed;

namespace IntegrationHub.Tests.Idempotency;

/// <summary>Every endpoint that makes something honours an <c>Idempotency-Key</c>, and the OpenAPI document says so.</summary>
public sealed class CreatingEndpointsTests(HubFactory hub) : IClassFixture<HubFactory>
{
    /// <summary>One creating endpoint: who calls it, with what, and how many of what it makes there are.</summary>
    sealed record Creating(string What, HttpClient Client, string Url, object Body, Func<Task<int>>? Made);

    [Fact]
    public async Task Every_creating_endpoint_answers_a_repeat_with_its_first_response_and_makes_nothing_more()
    {
        using var pa = hub.PersonalAdviser();
        using var teamManager = hub.CreateClient(hub.Token("tm-1", HubRoles.TeamManager, HubFactory.TenantA));
        var (person, referral) = await pa.ReferAsync([Accommodation, Health], Housing, Nhs);
        Creating[] endpoints =
        [
            new("a young person", pa, "/api/young-people", NewYoungPerson(), () => hub.QueryAsync(db => db.YoungPeople.CountAsync())),
            new("a pathway plan version", pa, $"/api/young-people/{person.Id}/pathway-plan/versions", Plan(Accommodation),
                () => hub.QueryAsync(db => db.PlanVersions.CountAsync(v => v.YoungPersonId == person.Id))),
            new("a referral", pa, "/api/referrals", Referral(person.Id, 1, [Health], Nhs),
                () => hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == person.Id))),
            new("a consent", pa, $"/api/young-people/{person.Id}/consents", new RecordConsent(Housing, Today.AddDays(-7), "Signed form in case file", Today.AddMonths(6)),
                () => hub.QueryAsync(db => db.Consents.CountAsync(c => c.YoungPersonId == person.Id))),
            new("an escalation", teamManager, "/api/escalations", new RaiseEscalation(referral.Id, referral.LegIdOf(Housing), "No answer from housing in time", 1),
                () => hub.QueryAsync(db => db.Escalations.CountAsync(e => e.ReferralId == referral.Id))),

            // A case opening makes only its audited read of the case, which a repeat, showing the case again, records again.
            new("a board case opening", teamManager, $"/api/board/cases/{referral.Id}/openings", new OpenCase("Reviewing the housing escalation for the board"), null),
        ];

        foreach (var endpoint in endpoints)
        {
            var key = NewKey();
            var before = endpoint.Made is null ? 0 : await endpoint.Made();

            var first = await endpoint.Client.PostAsync(endpoint.Url, endpoint.Body, key);
            var again = await endpoint.Client.PostAsync(endpoint.Url, endpoint.Body, key);

            Assert.True(first.IsSuccessStatusCode, $"Making {endpoint.What}: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
            Assert.True(again.IsReplayed(), $"The repeat of making {endpoint.What} was not a replay");
            Assert.Equal(await first.SeenAsync(), await again.SeenAsync());
            if (endpoint.Made is not null)
            {
                Assert.Equal((endpoint.What, before + 1), (endpoint.What, await endpoint.Made()));
            }
        }
    }

    [Theory]
    [InlineData("/api/referrals", KeyHeader, false)]
    [InlineData("/api/young-people", KeyHeader, false)]
    [InlineData("/api/young-people/{youngPersonId}/pathway-plan/versions", KeyHeader, false)]
    [InlineData("/api/young-people/{id}/consents", KeyHeader, false)]
    [InlineData("/api/escalations", KeyHeader, false)]
    [InlineData("/api/board/cases/{referralId}/openings", KeyHeader, false)]
    [InlineData("/api/agency-answers", "X-Request-Id", true)]
    public async Task The_openapi_document_gives_each_creating_endpoint_its_key_header_and_its_409(string path, string header, bool required)
    {
        using var anonymous = hub.CreateClient();

        using var document = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json"));

        var post = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post");
        var parameter = Assert.Single(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == header);
        Assert.Equal("header", parameter.GetProperty("in").GetString());
        Assert.Equal(required, parameter.TryGetProperty("required", out var isRequired) && isRequired.GetBoolean());
        Assert.Equal(100, parameter.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.True(post.GetProperty("responses").TryGetProperty("409", out _));
    }
}
