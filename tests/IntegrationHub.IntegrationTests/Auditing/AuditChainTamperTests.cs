using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.IntegrationTests.Auditing;

/// <summary>The audit chain against someone with write access to PostgreSQL: an edited row and a deleted row are both found.</summary>
public sealed class AuditChainTamperTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    const string Tenant = HubOnRealInfrastructure.TenantId;

    [Fact]
    public async Task Verification_names_an_edited_entry_then_a_deleted_one()
    {
        using var pa = hub.PersonalAdviser();
        var youngPersonId = await pa.RegisterWithPlanAsync();
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pa.GetAsync($"/api/young-people/{youngPersonId}")));
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        using var dpo = hub.DataProtectionOfficer();

        var sound = await VerifyAsync(dpo);
        var entries = await hub.QueryAsync(db => db.Audit.CountAsync(a => a.TenantId == Tenant));
        Assert.True(sound.Intact, sound.FirstBreak?.Problem);
        Assert.Equal(entries, sound.EntriesVerified);
        Assert.True(entries >= 8);

        var actor = await hub.QueryAsync(db => db.Audit.Where(a => a.TenantId == Tenant && a.Sequence == 2).Select(a => a.ActorId).SingleAsync());
        await SqlAsync($"UPDATE audit_entries SET \"ActorId\" = {"someone-else"} WHERE \"TenantId\" = {Tenant} AND \"Sequence\" = 2");
        var edited = await VerifyAsync(dpo);
        Assert.False(edited.Intact);
        Assert.Equal((2L, "Entry 2 was changed after it was written."), (edited.FirstBreak!.Sequence, edited.FirstBreak.Problem));

        await SqlAsync($"UPDATE audit_entries SET \"ActorId\" = {actor} WHERE \"TenantId\" = {Tenant} AND \"Sequence\" = 2");
        Assert.True((await VerifyAsync(dpo)).Intact);

        await SqlAsync($"DELETE FROM audit_entries WHERE \"TenantId\" = {Tenant} AND \"Sequence\" = 5");
        var deleted = await VerifyAsync(dpo);
        Assert.False(deleted.Intact);
        Assert.Equal((5L, (Guid?)null, "Entry 5 is missing: the chain goes from entry 4 to entry 6."), (deleted.FirstBreak!.Sequence, deleted.FirstBreak.EntryId, deleted.FirstBreak.Problem));
    }

    static async Task<AuditVerification> VerifyAsync(HttpClient dpo)
    {
        var response = await dpo.GetAsync("/api/audit/verification");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuditVerification>())!;
    }

    // What someone with the database's password, not the hub's API, would do.
    Task SqlAsync(FormattableString sql) => hub.QueryAsync(db => db.Database.ExecuteSqlAsync(sql));
}
