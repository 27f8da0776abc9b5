using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.AgencyAnswers;

/// <summary>
/// Agencies on the webhook channel answer by POSTing their own answer document (for housing, the
/// duty-to-refer decision) to <c>/api/agency-answers</c>, idempotent on <c>X-Request-Id</c>.
/// </summary>
public class AgencyAnswersApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    const string RequestIdHeader = "X-Request-Id";

    /// <summary>A housing leg the stub housing authority has received; nobody has answered it yet.</summary>
    async Task<(ReferralAccepted Referral, Guid LegId)> HousingLegAsync(HttpClient pa, params string[] otherAgencies)
    {
        var (_, referral) = await pa.ReferAsync([Accommodation, Health, Financial], [Housing, .. otherAgencies]);
        await Eventually.WaitAsync(() => hub.Agencies.RequestedFor(referral.Id), d => d[Housing].Count == 1, "the housing authority to receive its leg");
        return (referral, referral.LegIdOf(Housing));
    }

    /// <summary>A housing authority's decision document, as its system writes it.</summary>
    static JsonObject Decision(Guid legId, string status, string? duty = null, Guid? answerId = null) => new()
    {
        ["answerId"] = (answerId ?? Guid.NewGuid()).ToString(),
        ["legId"] = legId.ToString(),
        ["status"] = status,
        ["duty"] = duty,
        ["officer"] = "Pat Officer",
        ["decidedAt"] = DateTimeOffset.UtcNow.ToString("O"),
        ["caseReference"] = "HX-2026-0042",
    };

    static Task<HttpResponseMessage> PostAsync(HttpClient agency, JsonObject decision, string? requestId) =>
        PostAsync(agency, decision.ToJsonString(), requestId);

    static async Task<HttpResponseMessage> PostAsync(HttpClient agency, string body, string? requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agency-answers")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (requestId is not null)
        {
            request.Headers.Add(RequestIdHeader, requestId);
        }

        return await agency.SendAsync(request);
    }

    static string NewRequestId() => $"req-{Guid.NewGuid():N}";

    /// <summary>
    /// Everything a refused answer must leave as it was: every table's rows, the stored requests, and
    /// the referral (read from the database, as a read through the API would add an audit row).
    /// </summary>
    async Task<(TableCounts Rows, int Requests, ReferralDetails Referral)> SnapshotAsync(Guid referralId) => (
        await hub.CountRowsAsync(),
        await hub.QueryAsync(db => db.IdempotencyKeys.CountAsync()),
        await hub.QueryAsync(async db => ReferralDetails.From(
            await db.Referrals.Include(r => r.Legs).Include(r => r.Timeline).SingleAsync(r => r.Id == referralId))));

    async Task AssertNothingChangedAsync((TableCounts Rows, int Requests, ReferralDetails Referral) before)
    {
        var after = await SnapshotAsync(before.Referral.Id);
        Assert.Equal(before.Rows, after.Rows);
        Assert.Equal(before.Requests, after.Requests);
        Assert.Equal(before.Referral.Status, after.Referral.Status);
        Assert.Equal(before.Referral.Legs.Select(l => (l.Id, l.Status)), after.Referral.Legs.Select(l => (l.Id, l.Status)));
        Assert.Equal(before.Referral.Timeline.Count, after.Referral.Timeline.Count);
    }

    static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await ExpectAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.Clone();
    }

    [Fact]
    public async Task Housing_acknowledges_then_accepts_with_the_prevention_duty_and_the_leg_is_accepted()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var acknowledged = Decision(legId, "acknowledged");
        var accepted = Decision(legId, "accepted", "prevention");

        var first = await PostAsync(housing, acknowledged, NewRequestId());
        await ExpectAsync(first, HttpStatusCode.OK);
        var afterAcknowledgement = await pa.GetReferralAsync(referral.Id);
        var second = await PostAsync(housing, accepted, NewRequestId());
        await ExpectAsync(second, HttpStatusCode.OK);

        Assert.Equal(LegStatusCodes.Received, afterAcknowledgement.LegOf(Housing).Status);
        using (var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync()))
        {
            var answers = body.RootElement.GetProperty("answers").EnumerateArray().ToList();
            Assert.Equal(["LegAccepted", "HousingDutyAccepted"], answers.Select(a => a.GetProperty("type").GetString()));
            Assert.All(answers, a => Assert.Equal("applied", a.GetProperty("outcome").GetString()));
            Assert.All(answers, a => Assert.Equal(legId, a.GetProperty("legId").GetGuid()));
            Assert.Equal(accepted["answerId"]!.GetValue<string>(), answers[0].GetProperty("answerId").GetString());
        }

        var details = await pa.GetReferralAsync(referral.Id);
        var leg = details.LegOf(Housing);
        Assert.Equal(LegStatusCodes.Accepted, leg.Status);
        Assert.Equal("HX-2026-0042", leg.AgencyReference);
        var timeline = details.Timeline.Where(t => t.LegId == legId).ToList();
        Assert.Equal(
            ["status-changed requested -> received", "status-changed received -> accepted"],
            timeline.Where(t => t.Kind == TimelineKinds.StatusChanged).Select(t => $"{t.Kind} {t.FromStatus} -> {t.ToStatus}"));
        var update = Assert.Single(timeline, t => t.Kind == TimelineKinds.AgencyUpdate);
        Assert.Contains("prevention", update.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Pat Officer", update.Actor);
    }

    [Fact]
    public async Task Repeating_a_request_returns_the_first_response_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var requestId = NewRequestId();
        var body = Decision(legId, "accepted", "relief").ToJsonString();
        var first = await PostAsync(housing, body, requestId);
        await ExpectAsync(first, HttpStatusCode.OK);
        var firstBody = await first.Content.ReadAsStringAsync();
        var before = await SnapshotAsync(referral.Id);

        var again = await PostAsync(housing, body, requestId);

        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        var after = await SnapshotAsync(referral.Id);
        // The answer was an audited write; its repeat shows it again, and is audited as a read of it, and changes nothing else.
        Assert.Equal(before.Rows with { Audit = before.Rows.Audit + 1 }, after.Rows);
        var repeat = await hub.QueryAsync(db => db.Audit.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).FirstAsync());
        Assert.Equal((AuditActions.Read, AgencyAnswerRecorder.AuditedAnswer, legId.ToString()), (repeat.Action, repeat.ResourceType, repeat.ResourceId));
        Assert.Equal(before.Requests, after.Requests);
        Assert.Equal(before.Referral.Timeline.Count, after.Referral.Timeline.Count);
        Assert.Equal(LegStatusCodes.Accepted, after.Referral.LegOf(Housing).Status);
    }

    [Fact]
    public async Task Fifty_concurrent_repeats_of_one_request_id_record_the_answer_once_and_all_get_the_first_response()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var requestId = NewRequestId();
        var body = Decision(legId, "accepted", "prevention").ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(housing, body, requestId)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        var first = Assert.Single(bodies.Distinct());
        using (var answers = JsonDocument.Parse(first))
        {
            Assert.All(answers.RootElement.GetProperty("answers").EnumerateArray(), a => Assert.Equal("applied", a.GetProperty("outcome").GetString()));
        }

        var timeline = (await pa.GetReferralAsync(referral.Id)).Timeline.Where(t => t.LegId == legId).ToList();
        Assert.Single(timeline, t => t.Kind == TimelineKinds.StatusChanged && t.ToStatus == LegStatusCodes.Accepted);
        Assert.Single(timeline, t => t.Kind == TimelineKinds.AgencyUpdate);
        Assert.Equal(1, await hub.QueryAsync(db => db.IdempotencyKeys.CountAsync(k => k.Key == requestId)));
    }

    [Fact]
    public async Task A_different_body_under_a_used_request_id_is_a_409_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var requestId = NewRequestId();
        await ExpectAsync(await PostAsync(housing, Decision(legId, "acknowledged"), requestId), HttpStatusCode.OK);
        var before = await SnapshotAsync(referral.Id);

        var problem = await ExpectProblemAsync(await PostAsync(housing, Decision(legId, "accepted", "prevention"), requestId), HttpStatusCode.Conflict);

        Assert.Contains(requestId, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingChangedAsync(before);
        Assert.Equal(LegStatusCodes.Received, before.Referral.LegOf(Housing).Status);
    }

    [Fact]
    public async Task A_request_without_X_Request_Id_is_a_400_naming_the_header_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var before = await SnapshotAsync(referral.Id);

        await ExpectFieldErrorAsync(await PostAsync(housing, Decision(legId, "acknowledged"), requestId: null), RequestIdHeader);

        await AssertNothingChangedAsync(before);
    }

    [Theory]
    [InlineData("accepted", null, "duty")]
    [InlineData("acknowledged", "prevention", "duty")]
    [InlineData("accepted", "eviction", "duty")]
    [InlineData("declined", null, "declineReason")]
    [InlineData("approved", null, "status")]
    public async Task An_invalid_decision_is_a_400_naming_the_field_and_changes_nothing(string status, string? duty, string field)
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var before = await SnapshotAsync(referral.Id);

        var messages = await ExpectFieldErrorAsync(await PostAsync(housing, Decision(legId, status, duty), NewRequestId()), field);

        Assert.NotEmpty(messages);
        await AssertNothingChangedAsync(before);
    }

    [Fact]
    public async Task A_decision_wrong_in_two_fields_is_a_400_naming_both_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var before = await SnapshotAsync(referral.Id);
        var decision = Decision(legId, "accepted");
        decision["officer"] = " ";

        var response = await PostAsync(housing, decision, NewRequestId());

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()).ToList());
        Assert.Equal(["officer", "duty"], errors.Keys);
        Assert.Equal(["'officer' is required."], errors["officer"]);
        Assert.Contains("'duty' is required", Assert.Single(errors["duty"]), StringComparison.Ordinal);
        await AssertNothingChangedAsync(before);
    }

    [Fact]
    public async Task A_decision_that_is_not_JSON_is_a_400_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, _) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var before = await SnapshotAsync(referral.Id);

        await ExpectFieldErrorAsync(await PostAsync(housing, "status=accepted", NewRequestId()), "document");

        await AssertNothingChangedAsync(before);
    }

    [Fact]
    public async Task A_decision_for_another_local_authoritys_leg_is_404_and_changes_nothing()
    {
        using var paOfB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var (referral, legId) = await HousingLegAsync(paOfB);
        using var housingOfA = hub.AgencyWorker(Housing, HubFactory.TenantA);
        var before = await SnapshotAsync(referral.Id);

        var problem = await ExpectProblemAsync(await PostAsync(housingOfA, Decision(legId, "accepted", "prevention"), NewRequestId()), HttpStatusCode.NotFound);

        Assert.DoesNotContain("Pat Officer", problem.ToString(), StringComparison.Ordinal);
        await AssertNothingChangedAsync(before);
        Assert.Equal(LegStatusCodes.Requested, before.Referral.LegOf(Housing).Status);
    }

    [Fact]
    public async Task A_decision_for_another_agencys_leg_is_404_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, _) = await HousingLegAsync(pa, Nhs);
        var nhsLegId = referral.LegIdOf(Nhs);
        using var housing = hub.AgencyWorker(Housing);
        var before = await SnapshotAsync(referral.Id);

        await ExpectProblemAsync(await PostAsync(housing, Decision(nhsLegId, "acknowledged"), NewRequestId()), HttpStatusCode.NotFound);

        await AssertNothingChangedAsync(before);
        Assert.Equal(LegStatusCodes.Requested, before.Referral.LegOf(Nhs).Status);
    }

    [Fact]
    public async Task Accepting_a_declined_leg_is_a_409_and_puts_no_duty_on_the_timeline()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        using var housing = hub.AgencyWorker(Housing);
        var declined = Decision(legId, "declined");
        declined["declineReason"] = "no-local-connection";
        await ExpectAsync(await PostAsync(housing, declined, NewRequestId()), HttpStatusCode.OK);

        var response = await PostAsync(housing, Decision(legId, "accepted", "relief"), NewRequestId());

        await ExpectAsync(response, HttpStatusCode.Conflict);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = body.RootElement.GetProperty("answers")[0];
        Assert.Equal("refused", first.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("refusal").GetString()));
        var details = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(LegStatusCodes.Rejected, details.LegOf(Housing).Status);
        Assert.DoesNotContain(details.Timeline, t => t.LegId == legId && t.Kind == TimelineKinds.AgencyUpdate);
    }

    [Fact]
    public async Task A_personal_adviser_cannot_post_an_agency_answer()
    {
        using var pa = hub.PersonalAdviser();
        var (referral, legId) = await HousingLegAsync(pa);
        var before = await SnapshotAsync(referral.Id);

        var response = await PostAsync(pa, Decision(legId, "acknowledged"), NewRequestId());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingChangedAsync(before);
    }
}
