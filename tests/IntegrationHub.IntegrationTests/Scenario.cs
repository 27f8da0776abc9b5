using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Testing;
using MassTransit;

namespace IntegrationHub.IntegrationTests;

/// <summary>The steps the integration tests share: a young person with a plan, a referral, a stand-in agency.</summary>
public static class Scenario
{
    public static readonly TimeSpan Patience = Eventually.Patience;

    public static async Task ConnectAgencyAsync(this HubOnRealInfrastructure hub, string agency, Func<ConsumeContext<LegRequested>, LegRequested, Task> answer)
    {
        var handle = hub.Bus.ConnectReceiveEndpoint(Endpoints.AdapterQueue(agency), e =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SetQuorumQueue();
            }

            e.Handler<LegRequested>(context => answer(context, context.Message));
        });
        await handle.Ready.WaitAsync(Patience);
    }

    /// <summary>Makes a referral to one agency, which the test stands in for and leaves unanswered; returns it and the leg the agency was sent.</summary>
    public static async Task<(Guid ReferralId, LegRequested Leg)> MakeReferralReceivedByAsync(this HubOnRealInfrastructure hub, HttpClient pa, string agency)
    {
        var requested = new TaskCompletionSource<LegRequested>(TaskCreationOptions.RunContinuationsAsynchronously);
        await hub.ConnectAgencyAsync(agency, (_, leg) =>
        {
            requested.TrySetResult(leg);
            return Task.CompletedTask;
        });
        var referralId = await pa.MakeReferralAsync([agency]);
        return (referralId, await requested.Task.WaitAsync(Patience));
    }

    /// <summary>A stand-in agency's answer to the leg it was sent, as the adapters would pass it on: from the leg's recipient.</summary>
    public static Task AnswerAsync(this ConsumeContext context, LegRequested leg, ILegAnswer answer) =>
        context.PublishAsync(answer, leg.Recipient.Code, context.CancellationToken);

    public static string? Status(ReferralDetails referral, string agency) => referral.Legs.SingleOrDefault(l => l.Agency == agency)?.Status;

    public static async Task<ReferralDetails> GetAsync(HttpClient pa, Guid referralId) =>
        (await pa.GetFromJsonAsync<ReferralDetails>($"/api/referrals/{referralId}"))!;

    /// <summary>Polls the referral until it satisfies the condition the test then asserts; a time-out shows the referral as last seen.</summary>
    public static Task<ReferralDetails> WaitForAsync(HttpClient pa, Guid referralId, Func<ReferralDetails, bool> condition, string what) =>
        Eventually.WaitAsync(() => GetAsync(pa, referralId), condition, what);

    /// <param name="residenceArea">Where the young person lives when out of area: their legs go to that area's organisations.</param>
    public static async Task<Guid> RegisterWithPlanAsync(this HttpClient pa, string? residenceArea = null)
    {
        var registered = await pa.PostAsJsonAsync("/api/young-people", new
        {
            givenName = "Riley",
            familyName = "Quinn",
            dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18).AddDays(-10),
            localAuthorityPersonId = $"IT-{Guid.NewGuid():N}"[..20],
            nhsNumber = "9434765919",
            nationalInsuranceNumber = "AB123456C",
            crn = "X123456",
            email = "riley@example.org",
            residenceArea,
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, registered);
        var id = (await registered.Content.ReadFromJsonAsync<IdOnly>())!.Id;

        var plan = await pa.PostAsJsonAsync($"/api/young-people/{id}/pathway-plan/versions", new
        {
            sections = new[]
            {
                new { code = PlanSectionCodes.Accommodation, needs = new[] { "Needs a tenancy" }, actions = new[] { "Refer to housing" } },
                new { code = PlanSectionCodes.Health, needs = new[] { "Anxiety" }, actions = new[] { "GP review" } },
                new { code = PlanSectionCodes.Eet, needs = new[] { "Not in work" }, actions = new[] { "Jobcentre" } },
                new { code = PlanSectionCodes.Financial, needs = new[] { "No bank account" }, actions = new[] { "Open one" } },
                new { code = PlanSectionCodes.Justice, needs = new[] { "On licence" }, actions = new[] { "Probation" } },
            },
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, plan);
        return id;
    }

    public static async Task<Guid> MakeReferralAsync(this HttpClient pa, string[] agencies, Guid? youngPersonId = null)
    {
        var response = await pa.PostAsJsonAsync("/api/referrals", ReferralOf(youngPersonId ?? await pa.RegisterWithPlanAsync(), agencies));
        await HttpAssert.StatusAsync(HttpStatusCode.Accepted, response);
        return await IdOfAsync(response);
    }

    /// <summary>A referral of every plan section to the agencies, on the young person's consent.</summary>
    public static object ReferralOf(Guid youngPersonId, string[] agencies)
    {
        var consent = new { basis = "consent", recordedBy = "Pat Adviser", recordedAt = DateTimeOffset.UtcNow.AddMinutes(-5) };
        return new
        {
            youngPersonId,
            planVersion = 1,
            summary = "Leaving care in March",
            sections = new[] { PlanSectionCodes.Accommodation, PlanSectionCodes.Health, PlanSectionCodes.Eet, PlanSectionCodes.Financial, PlanSectionCodes.Justice },
            agencies = agencies.Select(a => new { agency = a, reason = $"Why we refer to {a}, written for {a} alone.", lawfulBasis = consent }),
        };
    }

    public static async Task<Guid> IdOfAsync(HttpResponseMessage created) => (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;

    sealed record IdOnly(Guid Id);
}
