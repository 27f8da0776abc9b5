using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Auditing;

public sealed class AuditChainTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Reads_made_at_once_each_take_their_own_place_in_their_councils_chain()
    {
        using var pa = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var person = await pa.RegisterYoungPersonAsync();

        var reads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => pa.GetAsync($"/api/young-people/{person.Id}")));

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var sequences = await hub.QueryAsync(db => db.Audit.Where(a => a.TenantId == HubFactory.TenantB).OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        using var dpo = hub.DataProtectionOfficer(HubFactory.TenantB);
        var verification = (await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification"))!;
        Assert.Equal((HubFactory.TenantB, true, (long)sequences.Count, (long?)sequences.Count), (verification.TenantId, verification.Intact, verification.EntriesVerified, verification.HeadSequence));
    }

    [Fact]
    public async Task An_entry_moved_to_another_place_breaks_the_link_of_the_one_after_it()
    {
        const string tenant = "council-links";
        using var pa = hub.PersonalAdviser(tenant, "pa-links");
        var person = await pa.RegisterYoungPersonAsync();
        for (var i = 0; i < 3; i++)
        {
            await ExpectAsync(await pa.GetAsync($"/api/young-people/{person.Id}"), HttpStatusCode.OK);
        }

        await hub.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE audit_entries SET \"PreviousHash\" = {AuditChain.Genesis} WHERE \"TenantId\" = {tenant} AND \"Sequence\" = 2"));

        using var dpo = hub.DataProtectionOfficer(tenant);
        var verification = (await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification"))!;
        Assert.False(verification.Intact);
        Assert.Equal((2L, "Entry 2 does not follow entry 1: its link to it was changed."), (verification.FirstBreak!.Sequence, verification.FirstBreak.Problem));
        Assert.Equal(1, verification.EntriesVerified);
    }

    [Fact]
    public async Task Only_a_data_protection_officer_verifies_the_audit()
    {
        using var pa = hub.PersonalAdviser();
        using var board = hub.CreateClient(hub.Token("board-1", HubRoles.BoardMember, HubFactory.TenantA));

        Assert.Equal(HttpStatusCode.Forbidden, (await pa.GetAsync("/api/audit/verification")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync("/api/audit/verification")).StatusCode);
    }

    [Theory]
    [InlineData("ActorId")]
    [InlineData("At")]
    [InlineData("YoungPersonId")]
    [InlineData("Basis")]
    [InlineData("ResourceId")]
    [InlineData("Sequence")]
    [InlineData("PreviousHash")]
    public void Changing_any_field_changes_the_hash(string field)
    {
        var original = Entry();
        var changed = field switch
        {
            "ActorId" => Entry(actorId: "pa-2"),
            "At" => Entry(at: original.At.AddTicks(1000)),
            "YoungPersonId" => Entry(youngPersonId: Guid.NewGuid()),
            "Basis" => Entry(basis: "consent"),
            "ResourceId" => Entry(resourceId: "another"),
            "Sequence" => Entry(sequence: 4),
            _ => Entry(previousHash: new string('1', 64)),
        };

        Assert.Equal(AuditChain.HashOf(original), AuditChain.HashOf(Entry()));
        Assert.NotEqual(AuditChain.HashOf(original), AuditChain.HashOf(changed));
    }

    static readonly (Guid Id, DateTimeOffset At, Guid YoungPersonId) Fixed = (Guid.NewGuid(), AuditChain.Stored(DateTimeOffset.UtcNow), Guid.NewGuid());

    static AuditEntry Entry(
        string actorId = "pa-1", DateTimeOffset? at = null, Guid? youngPersonId = null, string basis = AuditBases.PublicTask,
        string resourceId = "r", long sequence = 3, string? previousHash = null) => new()
        {
            Id = Fixed.Id,
            At = at ?? Fixed.At,
            ActorId = actorId,
            ActorRole = HubRoles.PersonalAdviser,
            TenantId = HubFactory.TenantA,
            Action = "read",
            ResourceType = "young-person",
            ResourceId = resourceId,
            YoungPersonId = youngPersonId ?? Fixed.YoungPersonId,
            Basis = basis,
            CorrelationId = "c",
            Sequence = sequence,
            PreviousHash = previousHash ?? AuditChain.Genesis,
        };
}
