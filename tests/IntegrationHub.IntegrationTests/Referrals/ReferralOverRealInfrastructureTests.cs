using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using MassTransit;

namespace IntegrationHub.IntegrationTests.Referrals;

public sealed class ReferralOverRealInfrastructureTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Referral_to_three_agencies_is_answered_over_rabbitmq_and_recorded_in_postgres()
    {
        var answered = new ConcurrentDictionary<string, ILegAnswer>();
        var sent = new ConcurrentDictionary<string, LegRequested>();

        // Housing accepts, the NHS declines with a reason, the Jobcentre only acknowledges.
        await ConnectAgencyAsync(AgencyCodes.Housing, async (context, leg) =>
        {
            sent[leg.Agency] = leg;
            await context.Publish(new LegAcknowledged(NewId.NextGuid(), leg.LegId, leg.Agency, "housing officer", DateTimeOffset.UtcNow, "H-1"));
            var accepted = new LegAccepted(NewId.NextGuid(), leg.LegId, leg.Agency, "housing officer", DateTimeOffset.UtcNow.AddSeconds(1), "Prevention duty");
            answered[leg.Agency] = accepted;
            await context.Publish(accepted);
        });
        await ConnectAgencyAsync(AgencyCodes.Nhs, async (context, leg) =>
        {
            sent[leg.Agency] = leg;
            await context.Publish(new LegAcknowledged(NewId.NextGuid(), leg.LegId, leg.Agency, "GP practice", DateTimeOffset.UtcNow, null));
            await context.Publish(new LegDeclined(NewId.NextGuid(), leg.LegId, leg.Agency, "GP practice", DateTimeOffset.UtcNow.AddSeconds(1),
                "out-of-area", "Registered with a practice in another area."));
        });
        await ConnectAgencyAsync(AgencyCodes.Dwp, async (context, leg) =>
        {
            sent[leg.Agency] = leg;
            await context.Publish(new LegAcknowledged(NewId.NextGuid(), leg.LegId, leg.Agency, "Jobcentre SPOC", DateTimeOffset.UtcNow, "DWP-9"));
        });

        using var pa = hub.PersonalAdviser();
        var referralId = await MakeReferralAsync(pa, [AgencyCodes.Housing, AgencyCodes.Nhs, AgencyCodes.Dwp]);

        var referral = await WaitForAsync(pa, referralId, r =>
            Status(r, AgencyCodes.Housing) == LegStatusCodes.Accepted
            && Status(r, AgencyCodes.Nhs) == LegStatusCodes.Rejected
            && Status(r, AgencyCodes.Dwp) == LegStatusCodes.Received);

        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        var nhs = referral.Legs.Single(l => l.Agency == AgencyCodes.Nhs);
        Assert.Equal("out-of-area", nhs.ReasonCode);
        Assert.Equal("Registered with a practice in another area.", nhs.StatusReason);
        Assert.Equal("DWP-9", referral.Legs.Single(l => l.Agency == AgencyCodes.Dwp).AgencyReference);
        Assert.Equal(
            [
                $"{AgencyCodes.Housing}:{LegStatusCodes.Requested}>{LegStatusCodes.Received}",
                $"{AgencyCodes.Housing}:{LegStatusCodes.Received}>{LegStatusCodes.Accepted}",
            ],
            referral.Timeline.Where(t => t.Kind == TimelineKinds.StatusChanged && t.Agency == AgencyCodes.Housing)
                .Select(t => $"{t.Agency}:{t.FromStatus}>{t.ToStatus}"));
        Assert.Contains(referral.Timeline, t => t.Kind == TimelineKinds.ReferralMade);

        // Each agency was sent only its own sections.
        Assert.Equal([PlanSectionCodes.Accommodation, PlanSectionCodes.Financial], sent[AgencyCodes.Housing].Sections.Select(s => s.Code).Order());
        Assert.Equal([PlanSectionCodes.Health], sent[AgencyCodes.Nhs].Sections.Select(s => s.Code));
        Assert.Equal([PlanSectionCodes.Eet, PlanSectionCodes.Financial], sent[AgencyCodes.Dwp].Sections.Select(s => s.Code).Order());

        // The same answer again changes nothing.
        var repeat = answered[AgencyCodes.Housing];
        var handled = WatchConsumed(repeat.AnswerId);
        await hub.Bus.Publish((LegAccepted)repeat);
        await handled.WaitAsync(Patience);
        var after = await GetAsync(pa, referralId);
        Assert.Equal(referral.Timeline.Count, after.Timeline.Count);
        Assert.Equal(LegStatusCodes.Accepted, Status(after, AgencyCodes.Housing));
    }

    [Fact]
    public async Task Answer_for_an_unknown_leg_goes_to_the_error_queue_with_its_reason()
    {
        var answer = new LegAccepted(NewId.NextGuid(), Guid.NewGuid(), AgencyCodes.Housing, "someone", DateTimeOffset.UtcNow, null);
        await using var errors = await RawRabbit.ConnectAsync(hub.VirtualHost);

        await hub.Bus.Publish(answer);

        var dead = await errors.WaitForMessageAsync($"{Endpoints.LegAnswersQueue}_error", Patience);
        Assert.Contains(answer.LegId.ToString(), dead.Body, StringComparison.Ordinal);
        Assert.Contains($"No leg {answer.LegId} is known to the hub.", dead.Header("MT-Fault-Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_accepted_while_the_broker_is_down_is_sent_when_it_comes_back()
    {
        var received = new TaskCompletionSource<LegRequested>(TaskCreationOptions.RunContinuationsAsynchronously);
        await ConnectAgencyAsync(AgencyCodes.Probation, (_, leg) =>
        {
            received.TrySetResult(leg);
            return Task.CompletedTask;
        });
        using var pa = hub.PersonalAdviser();
        var youngPersonId = await RegisterWithPlanAsync(pa);

        await RealInfrastructure.RabbitCtlAsync("stop_app");
        Guid referralId;
        try
        {
            referralId = await MakeReferralAsync(pa, [AgencyCodes.Probation], youngPersonId);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(received.Task.IsCompleted);
        }
        finally
        {
            await RealInfrastructure.RabbitCtlAsync("start_app");
        }

        var leg = await received.Task.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(referralId, leg.ReferralId);
    }

    async Task ConnectAgencyAsync(string agency, Func<ConsumeContext<LegRequested>, LegRequested, Task> answer)
    {
        var handle = hub.Bus.ConnectReceiveEndpoint(Endpoints.AgencyQueue(agency), e =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SetQuorumQueue();
            }

            e.Handler<LegRequested>(context => answer(context, context.Message));
        });
        await handle.Ready.WaitAsync(Patience);
    }

    Task WatchConsumed(Guid answerId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Bus.ConnectConsumeMessageObserver(new AnswerObserver(answerId, done));
        return done.Task;
    }

    sealed class AnswerObserver(Guid answerId, TaskCompletionSource done) : IConsumeMessageObserver<LegAccepted>
    {
        public Task PreConsume(ConsumeContext<LegAccepted> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<LegAccepted> context)
        {
            if (context.Message.AnswerId == answerId)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<LegAccepted> context, Exception exception)
        {
            if (context.Message.AnswerId == answerId)
            {
                done.TrySetException(exception);
            }

            return Task.CompletedTask;
        }
    }

    static string? Status(ReferralDetails referral, string agency) => referral.Legs.SingleOrDefault(l => l.Agency == agency)?.Status;

    static async Task<ReferralDetails> GetAsync(HttpClient pa, Guid referralId) =>
        (await pa.GetFromJsonAsync<ReferralDetails>($"/api/referrals/{referralId}"))!;

    static async Task<ReferralDetails> WaitForAsync(HttpClient pa, Guid referralId, Func<ReferralDetails, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        ReferralDetails referral;
        do
        {
            referral = await GetAsync(pa, referralId);
            if (condition(referral))
            {
                return referral;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Referral {referralId} never reached the expected state; legs: {string.Join(", ", referral.Legs.Select(l => $"{l.Agency}={l.Status}"))}");
        return referral;
    }

    static async Task<Guid> RegisterWithPlanAsync(HttpClient pa)
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

    static async Task<Guid> MakeReferralAsync(HttpClient pa, string[] agencies, Guid? youngPersonId = null)
    {
        var id = youngPersonId ?? await RegisterWithPlanAsync(pa);
        var consent = new { basis = "consent", recordedBy = "Pat Adviser", recordedAt = DateTimeOffset.UtcNow.AddMinutes(-5) };
        var response = await pa.PostAsJsonAsync("/api/referrals", new
        {
            youngPersonId = id,
            planVersion = 1,
            summary = "Leaving care in March",
            sections = new[] { PlanSectionCodes.Accommodation, PlanSectionCodes.Health, PlanSectionCodes.Eet, PlanSectionCodes.Financial, PlanSectionCodes.Justice },
            agencies = agencies.Select(a => new { agency = a, lawfulBasis = consent }),
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Accepted, response);
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    sealed record IdOnly(Guid Id);
}
