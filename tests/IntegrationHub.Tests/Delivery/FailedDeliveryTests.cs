using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Delivery;

/// <summary>A housing webhook that recovers: the adapter retries it until it answers 2xx, then the leg is received.</summary>
public class WebhookRetryTests(FlakyWebhookHub hub) : IClassFixture<FlakyWebhookHub>
{
    [Fact]
    public async Task Webhook_that_fails_three_times_then_answers_202_gets_the_referral_once_and_the_leg_is_received()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation, Financial], Housing);
        var legId = referral.LegIdOf(Housing);

        var details = await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Housing).Status != LegStatusCodes.Requested, "the housing leg to leave 'requested'");

        var leg = details.LegOf(Housing);
        Assert.Equal(LegStatusCodes.Received, leg.Status);
        Assert.Equal(WebhookAgency.AgencyReference, leg.AgencyReference);
        var calls = hub.Webhook.Calls;
        Assert.Equal([503, 503, 503, 202], calls.Select(c => c.Status));
        Assert.Single(calls, c => c.Succeeded);
        Assert.All(calls, c =>
        {
            Assert.True(c.SignatureValid, "Every attempt is signed with the organisation's secret.");
            Assert.Equal($"{legId:N}-referral", c.DeliveryId);
            Assert.Contains(legId.ToString(), c.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Correlation_id_of_the_referral_request_follows_the_adapters_answer()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation, Financial));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Referral(person.Id, 1, [Accommodation, Financial], Housing)),
        };
        request.Headers.Add("X-Correlation-Id", "trace-webhook-42");
        var response = await pa.SendAsync(request);
        await ExpectAsync(response, System.Net.HttpStatusCode.Accepted);
        var referral = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<ReferralAccepted>(response.Content))!;

        // The answer recorder sees the answer after the consumer has committed the leg's new status,
        // so it is the recorder that is waited for, not the status.
        var correlations = await Eventually.WaitAsync(
            () => hub.Answers.CorrelationIdsFor(referral.LegIdOf(Housing)), ids => ids.Count > 0, "the adapter's answer to be handled");

        Assert.Equal(["trace-webhook-42"], correlations);
    }
}

/// <summary>
/// A leg whose agency's system stays down keeps waiting, each failed attempt on its timeline, and is sent again until
/// the retry budget is spent; then it is <c>failed</c> on the referral, saying for how long and how often it was tried.
/// </summary>
public class FailedDeliveryTests(DownWebhookHub hub) : IClassFixture<DownWebhookHub>
{
    [Fact]
    public async Task Webhook_that_always_answers_503_is_retried_on_the_timeline_until_the_budget_is_spent_then_the_leg_fails_saying_so()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation, Financial], Housing);
        var legId = referral.LegIdOf(Housing);

        var details = await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Housing).Status != LegStatusCodes.Requested, "the housing leg to leave 'requested'");

        var leg = details.LegOf(Housing);
        Assert.Equal(LegStatusCodes.Failed, leg.Status);
        // The last attempt's reason is the webhook's 503, or the circuit to it, opened by so many, that stopped the attempt.
        Assert.Matches(@"^Not delivered in \d+ seconds, after \d+ attempts; the last failed: Webhook \S+ (answered 503|could not be reached)", leg.StatusReason);
        var failed = Assert.Single(details.Timeline, t => t.LegId == legId && t.ToStatus == LegStatusCodes.Failed);
        Assert.Equal(TimelineKinds.StatusChanged, failed.Kind);

        // Every attempt before the last is on the timeline, leaving the leg waiting.
        var retries = details.Timeline.Where(t => t.LegId == legId && t.Kind == TimelineKinds.DeliveryRetrying).ToList();
        Assert.NotEmpty(retries);
        Assert.All(retries, r => Assert.Equal((LegStatusCodes.Requested, LegStatusCodes.Requested), (r.FromStatus, r.ToStatus)));
        Assert.All(retries.Select((retry, i) => (retry, Number: i + 1)), r => Assert.StartsWith($"Delivery attempt {r.Number} failed: Webhook", r.retry.Detail, StringComparison.Ordinal));
        Assert.Contains($"after {retries.Count + 1} attempts", leg.StatusReason, StringComparison.Ordinal);
        var calls = hub.Webhook.Calls.Where(c => c.DeliveryId == $"{legId:N}-referral").ToList();
        Assert.True(calls.Count > hub.MaxRetryAttempts + 1, "The leg was sent again after its first attempt failed.");
        Assert.All(calls, c => Assert.Equal(503, c.Status));
    }
}

/// <summary>The adapter's own check stays as a backstop for a leg the hub let through.</summary>
public class UndeliverableLegTests(UncheckedJobcentreHub hub) : IClassFixture<UncheckedJobcentreHub>
{
    [Fact]
    public async Task Dwp_leg_of_a_young_person_without_a_National_Insurance_number_fails_at_the_adapter_saying_so()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson() with { NationalInsuranceNumber = null });
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Eet, Financial));
        var referral = await pa.MakeReferralAsync(Referral(person.Id, plan.Number, [Eet, Financial], Dwp));

        var details = await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Dwp).Status != LegStatusCodes.Requested, "the DWP leg to leave 'requested'");

        var leg = details.LegOf(Dwp);
        Assert.Equal(LegStatusCodes.Failed, leg.Status);
        Assert.Contains("The Jobcentre needs the young person's National Insurance number", leg.StatusReason, StringComparison.Ordinal);
    }
}
