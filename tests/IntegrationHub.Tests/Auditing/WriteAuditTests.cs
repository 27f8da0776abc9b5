using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Auditing;

/// <summary>
/// Each write of a young person's personal data leaves one audit entry with its lawful basis, under the request's
/// correlation id; a write that answers with the referral's details (a cancellation, an answer to a sanction) is a
/// read of them too.
/// </summary>
public sealed class WriteAuditTests(HubFactory hub) : IClassFixture<HubFactory>
{
    Task<List<AuditEntry>> AuditOfAsync(Guid youngPersonId) =>
        hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == youngPersonId).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Registering_a_young_person_making_a_plan_version_and_a_referral_are_each_one_audited_write()
    {
        using var pa = hub.PersonalAdviser(userId: "pa-writer");

        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);

        var plan = await hub.QueryAsync(db => db.PlanVersions.SingleAsync(v => v.YoungPersonId == person.Id));
        var entries = await AuditOfAsync(person.Id);
        Assert.Equal(
            [("young-person", person.Id.ToString()), ("pathway-plan", plan.Id.ToString()), ("referral", referral.Id.ToString())],
            entries.Select(e => (e.ResourceType, e.ResourceId)));
        Assert.All(entries, e => Assert.Equal(
            (AuditActions.Write, "pa-writer", HubRoles.PersonalAdviser, HubFactory.TenantA, AuditBases.PublicTask),
            (e.Action, e.ActorId, e.ActorRole, e.TenantId, e.Basis)));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.CorrelationId)));
    }

    [Fact]
    public async Task Cancelling_a_leg_and_then_the_referral_audits_each_cancellation_and_the_details_returned()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation, Health], Housing, Nhs);
        var housingLeg = referral.LegIdOf(Housing);

        using var cancelLeg = ActionRequest(HttpMethod.Post, $"/api/referrals/{referral.Id}/legs/{housingLeg}/cancellation", "cancel-leg", new CancelRequest("Moved out of the area."));
        await ExpectAsync(await pa.SendAsync(cancelLeg), HttpStatusCode.Accepted);
        using var cancelReferral = ActionRequest(HttpMethod.Post, $"/api/referrals/{referral.Id}/cancellation", "cancel-referral", new CancelRequest("No longer needed."));
        await ExpectAsync(await pa.SendAsync(cancelReferral), HttpStatusCode.Accepted);

        var entries = (await AuditOfAsync(person.Id)).Where(e => e.CorrelationId is "cancel-leg" or "cancel-referral").ToList();
        Assert.Equal(
            [
                ("cancel-leg", AuditActions.Write, "leg-cancellation", housingLeg.ToString()),
                ("cancel-leg", AuditActions.Read, "referral", referral.Id.ToString()),
                ("cancel-referral", AuditActions.Write, "referral-cancellation", referral.Id.ToString()),
                ("cancel-referral", AuditActions.Read, "referral", referral.Id.ToString()),
            ],
            entries.Select(e => (e.CorrelationId, e.Action, e.ResourceType, e.ResourceId)));
        Assert.All(entries, e => Assert.Equal(AuditBases.PublicTask, e.Basis));
    }

    [Fact]
    public async Task Agency_workers_answer_over_the_api_is_an_audited_write_by_its_organisation_on_the_legs_lawful_basis()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);
        var leg = referral.LegIdOf(Housing);
        using var housing = hub.AgencyWorker(Housing, userId: "housing-answerer");
        using var answer = ActionRequest(HttpMethod.Post, "/api/agency-answers", "housing-answer",
            new { answerId = Guid.NewGuid(), legId = leg, status = "acknowledged", officer = "Housing options officer", decidedAt = DateTimeOffset.UtcNow });
        answer.Headers.Add("X-Request-Id", $"req-{Guid.NewGuid():N}");

        await ExpectAsync(await housing.SendAsync(answer), HttpStatusCode.OK);

        var entry = Assert.Single(await AuditOfAsync(person.Id), e => e.CorrelationId == "housing-answer");
        var recipient = await hub.QueryAsync(db => db.Legs.Where(l => l.Id == leg).Select(l => l.Recipient.Code).SingleAsync());
        Assert.Equal(
            (AuditActions.Write, AgencyAnswerRecorder.AuditedAnswer, leg.ToString(), "housing-answerer", HubRoles.Agency, Housing, recipient, "consent"),
            (entry.Action, entry.ResourceType, entry.ResourceId, entry.ActorId, entry.ActorRole, entry.Agency, entry.Organisation, entry.Basis));
    }

    [Fact]
    public async Task Answering_a_proposed_sanction_audits_the_answer_and_the_details_returned()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Eet], Dwp);
        var leg = referral.LegIdOf(Dwp);
        await hub.Bus.Publish(new SanctionProposed(Guid.NewGuid(), leg, Dwp, "Work coach", DateTimeOffset.UtcNow, Today.AddDays(14), "Missed two appointments."));
        await Eventually.WaitAsync(() => hub.QueryAsync(db => db.LegFacts.CountAsync(f => f.LegId == leg)), count => count == 1, "the proposed sanction");

        using var answer = ActionRequest(HttpMethod.Post, $"/api/referrals/{referral.Id}/legs/{leg}/sanction-response", "answer-sanction", new SanctionResponse("Spoke to the work coach."));
        await ExpectAsync(await pa.SendAsync(answer), HttpStatusCode.OK);

        var entries = (await AuditOfAsync(person.Id)).Where(e => e.CorrelationId == "answer-sanction").ToList();
        Assert.Equal(
            [(AuditActions.Write, "sanction-response", leg.ToString()), (AuditActions.Read, "referral", referral.Id.ToString())],
            entries.Select(e => (e.Action, e.ResourceType, e.ResourceId)));
    }

    [Fact]
    public async Task A_refused_leg_cancellation_is_kept_on_the_timeline_and_audited_as_a_write()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);
        var leg = referral.LegIdOf(Housing);
        await ExpectAsync(await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/legs/{leg}/cancellation", new CancelRequest("Moved away.")), HttpStatusCode.Accepted);

        using var again = ActionRequest(HttpMethod.Post, $"/api/referrals/{referral.Id}/legs/{leg}/cancellation", "cancel-again", new CancelRequest("Moved away, really."));
        await ExpectAsync(await pa.SendAsync(again), HttpStatusCode.Conflict);

        var entry = Assert.Single(await AuditOfAsync(person.Id), e => e.CorrelationId == "cancel-again");
        Assert.Equal((AuditActions.Write, "leg-cancellation-refused", leg.ToString()), (entry.Action, entry.ResourceType, entry.ResourceId));
    }
}
