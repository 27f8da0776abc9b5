using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Escalations;

/// <summary>
/// An escalation's reason is free text that may name the young person or give their dates: each escalation a
/// manager lists is an audited read of its young person for escalation oversight, raising one is an audited write,
/// and resolving one is a write and a read of the reason it answers with.
/// </summary>
public sealed class EscalationAuditTests(HubFactory hub) : IClassFixture<HubFactory>
{
    Task<List<AuditEntry>> AuditOfAsync(Guid escalationId) =>
        hub.QueryAsync(db => db.Audit.Where(a => a.ResourceId == escalationId.ToString()).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());

    async Task<(Guid YoungPersonId, EscalationSummary Escalation)> RaisedAsync(HttpClient manager, string reason)
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);
        var raised = await manager.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral.Id, referral.LegIdOf(Housing), reason, 1));
        await ExpectAsync(raised, HttpStatusCode.Created);
        return (person.Id, (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!);
    }

    [Fact]
    public async Task Listing_escalations_audits_each_escalations_young_person_for_escalation_oversight()
    {
        using var headOfService = hub.CreateClient(hub.Token("hos-lister", HubRoles.HeadOfService, HubFactory.TenantA));
        var (first, one) = await RaisedAsync(headOfService, "Jordan turns 18 on 3 March and has no adult mental health leg.");
        var (second, another) = await RaisedAsync(headOfService, "The housing authority says Jordan is intentionally homeless.");

        using var list = ActionRequest(HttpMethod.Get, "/api/escalations?open=true", "escalation-list-1");
        var listed = await headOfService.SendAsync(list);
        await ExpectAsync(listed, HttpStatusCode.OK);

        var reads = await hub.QueryAsync(db => db.Audit.Where(a => a.CorrelationId == "escalation-list-1").ToListAsync());
        var escalations = (await listed.Content.ReadFromJsonAsync<List<EscalationSummary>>())!;
        Assert.Equal(escalations.Select(e => e.Id.ToString()).Order(), reads.Select(r => r.ResourceId).Order());
        Assert.Contains(reads, r => r.ResourceId == one.Id.ToString() && r.YoungPersonId == first);
        Assert.Contains(reads, r => r.ResourceId == another.Id.ToString() && r.YoungPersonId == second);
        Assert.All(reads, r => Assert.Equal(
            (AuditActions.Read, "escalation", "hos-lister", HubRoles.HeadOfService, HubFactory.TenantA, AuditBases.EscalationOversight),
            (r.Action, r.ResourceType, r.ActorId, r.ActorRole, r.TenantId, r.Basis)));
    }

    [Fact]
    public async Task Raising_is_an_audited_write_and_resolving_audits_the_resolution_and_the_reason_it_answers_with()
    {
        using var teamManager = hub.CreateClient(hub.Token("tm-resolver", HubRoles.TeamManager, HubFactory.TenantA));
        var (person, escalation) = await RaisedAsync(teamManager, "Jordan has nowhere to stay from Friday.");

        await ExpectAsync(
            await teamManager.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation("Emergency room found.")),
            HttpStatusCode.OK);

        var entries = await AuditOfAsync(escalation.Id);
        Assert.Equal(
            [(AuditActions.Write, "escalation"), (AuditActions.Write, "escalation-resolution"), (AuditActions.Read, "escalation")],
            entries.Select(e => (e.Action, e.ResourceType)));
        Assert.All(entries, e => Assert.Equal((person, AuditBases.EscalationOversight, "tm-resolver"), (e.YoungPersonId, e.Basis, e.ActorId)));
    }
}
