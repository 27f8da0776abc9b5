using System.Net;
using IntegrationHub.Auditing;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Auditing;

public class AuditTests(HubFactory hub) : IClassFixture<HubFactory>
{
    Task<List<AuditEntry>> ReadsOfAsync(Guid youngPersonId) =>
        hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == youngPersonId && a.Action == AuditActions.Read).ToListAsync());

    [Fact]
    public async Task Personal_advisers_read_of_a_young_person_is_audited()
    {
        using var pa = hub.PersonalAdviser(userId: "pa-auditee");
        var person = await pa.RegisterYoungPersonAsync();
        Assert.Empty(await ReadsOfAsync(person.Id));
        using var request = ActionRequest(HttpMethod.Get, $"/api/young-people/{person.Id}", "audit-trail-1");

        await ExpectAsync(await pa.SendAsync(request), HttpStatusCode.OK);

        var entry = Assert.Single(await ReadsOfAsync(person.Id));
        Assert.Equal("pa-auditee", entry.ActorId);
        Assert.Equal(HubRoles.PersonalAdviser, entry.ActorRole);
        Assert.Equal(HubFactory.TenantA, entry.TenantId);
        Assert.Equal(person.Id, entry.YoungPersonId);
        Assert.Equal(AuditBases.PublicTask, entry.Basis);
        Assert.Equal(AuditActions.Read, entry.Action);
        Assert.Equal("young-person", entry.ResourceType);
        Assert.Equal(person.Id.ToString(), entry.ResourceId);
        Assert.Equal("audit-trail-1", entry.CorrelationId);
        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Agencys_read_of_its_leg_is_audited_under_the_legs_lawful_basis()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Health], Nhs);
        var legId = referral.LegIdOf(Nhs);
        using var nhs = hub.AgencyWorker(Nhs, userId: "gp-worker");

        await ExpectAsync(await nhs.GetAsync($"/api/legs/{legId}"), HttpStatusCode.OK);

        var entry = Assert.Single(await ReadsOfAsync(person.Id));
        Assert.Equal("gp-worker", entry.ActorId);
        Assert.Equal(HubRoles.Agency, entry.ActorRole);
        Assert.Equal(Nhs, entry.Agency);
        Assert.Equal(person.Id, entry.YoungPersonId);
        Assert.Equal("consent", entry.Basis);
        Assert.Equal("leg", entry.ResourceType);
        Assert.Equal(legId.ToString(), entry.ResourceId);
    }

    [Fact]
    public async Task Refused_read_is_not_recorded_as_a_read()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);
        using var nhs = hub.AgencyWorker(Nhs);
        using var paB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");

        await ExpectAsync(await nhs.GetAsync($"/api/legs/{referral.LegIdOf(Housing)}"), HttpStatusCode.NotFound);
        await ExpectAsync(await paB.GetAsync($"/api/young-people/{person.Id}"), HttpStatusCode.NotFound);

        Assert.Empty(await ReadsOfAsync(person.Id));
    }
}
