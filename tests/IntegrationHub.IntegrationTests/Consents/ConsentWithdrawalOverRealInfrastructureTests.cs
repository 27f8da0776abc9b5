using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.IntegrationTests.Consents;

public sealed class ConsentWithdrawalOverRealInfrastructureTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Young_persons_withdrawal_is_kept_in_postgres_and_the_agency_is_told_over_rabbitmq()
    {
        var cancelled = new TaskCompletionSource<LegCancelled>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = hub.Bus.ConnectReceiveEndpoint(Endpoints.AdapterQueue(AgencyCodes.Housing), e =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SetQuorumQueue();
            }

            e.Handler<LegRequested>(_ => Task.CompletedTask);
            e.Handler<LegCancelled>(context =>
            {
                cancelled.TrySetResult(context.Message);
                return Task.CompletedTask;
            });
        });
        await handle.Ready.WaitAsync(Scenario.Patience);
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterWithPlanAsync();
        var referral = await pa.MakeReferralAsync([AgencyCodes.Housing], person);
        using var me = hub.CreateClient();
        me.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Services.GetRequiredService<LocalTokenIssuer>().Mint(
            new HubUser("yp-it", "Riley Quinn", HubRoles.YoungPerson, HubOnRealInfrastructure.TenantId, null, null, YoungPersonId: person)));

        var withdrawn = await me.PostAsJsonAsync($"/api/me/consents/{AgencyCodes.Housing}/withdrawal", new WithdrawConsent("Not now"));

        await HttpAssert.StatusAsync(HttpStatusCode.OK, withdrawn);
        var told = await cancelled.Task.WaitAsync(Scenario.Patience);
        Assert.Equal((referral, CancellationKinds.ConsentWithdrawn, ConsentService.WithdrawnReason, "Riley Quinn"), (told.ReferralId, told.Kind, told.Reason, told.CancelledBy));
        var consent = await hub.QueryAsync(db => db.Consents.AsNoTracking().SingleAsync(c => c.YoungPersonId == person && c.Agency == AgencyCodes.Housing));
        Assert.Equal((HubRoles.YoungPerson, "Not now"), (consent.WithdrawnByRole, consent.WithdrawalReason));
        Assert.Equal(LegStatusCodes.Cancelled, Scenario.Status(await Scenario.GetAsync(pa, referral), AgencyCodes.Housing));

        var refused = await pa.PostAsJsonAsync("/api/referrals", new
        {
            youngPersonId = person,
            planVersion = 1,
            summary = "Again",
            sections = new[] { PlanSectionCodes.Accommodation },
            agencies = new[] { new { agency = AgencyCodes.Housing, lawfulBasis = new { basis = LawfulBases.Consent, recordedBy = "Pat Adviser", recordedAt = DateTimeOffset.UtcNow } } },
        });
        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, refused);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("agencies[0].lawfulBasis", out _));
    }
}
