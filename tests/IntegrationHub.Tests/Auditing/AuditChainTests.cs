using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
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
        using var dpo = hub.DataProtectionOfficer(HubFactory.TenantB);
        var verification = (await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification"))!;
        var sequences = await hub.QueryAsync(db => db.Audit.Where(a => a.TenantId == HubFactory.TenantB).OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long?)i), sequences);
        Assert.Equal((HubFactory.TenantB, true, (long)sequences.Count, (long?)sequences.Count), (verification.TenantId, verification.Intact, verification.EntriesVerified, verification.HeadSequence));
    }

    [Fact]
    public async Task Entries_are_linked_into_their_chain_after_they_commit_in_the_order_they_were_recorded()
    {
        const string tenant = "council-linking";
        using var pa = hub.PersonalAdviser(tenant, "pa-linking");
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        await ExpectAsync(await pa.GetAsync($"/api/referrals/{referral.Id}"), HttpStatusCode.OK);
        var recorded = await hub.QueryAsync(db => db.Audit.Where(a => a.TenantId == tenant).OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync());

        var linked = await Eventually.WaitAsync(
            () => hub.QueryAsync(db => db.Audit.Where(a => a.TenantId == tenant && a.Sequence != null).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync()),
            ids => ids.Count == recorded.Count,
            "every entry linked without a verification");

        Assert.True(recorded.Count >= 3);
        Assert.Equal(recorded, linked);
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

        using var dpo = hub.DataProtectionOfficer(tenant);
        Assert.True((await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification"))!.Intact);

        await hub.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE audit_entries SET \"PreviousHash\" = {AuditChain.Genesis} WHERE \"TenantId\" = {tenant} AND \"Sequence\" = 2"));

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
    [InlineData("Organisation")]
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
            "Organisation" => Entry(organisation: "RX3"),
            _ => Entry(previousHash: new string('1', 64)),
        };

        Assert.Equal(AuditChain.HashOf(original), AuditChain.HashOf(Entry()));
        Assert.NotEqual(AuditChain.HashOf(original), AuditChain.HashOf(changed));
    }

    [Fact]
    public void One_organisation_for_another_changes_the_hash()
    {
        Assert.NotEqual(AuditChain.HashOf(Entry(organisation: "RX3")), AuditChain.HashOf(Entry(organisation: "15F")));
    }

    [Fact]
    public void An_entry_without_an_organisation_hashes_as_entries_did_before_organisations_were_recorded()
    {
        var entry = Entry();
        string?[] fieldsBefore =
        [
            entry.PreviousHash, "3", entry.Id.ToString(), entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            entry.ActorId, entry.ActorRole, entry.TenantId, entry.Agency, entry.Action, entry.ResourceType, entry.ResourceId,
            entry.YoungPersonId?.ToString(), entry.Basis, entry.CorrelationId,
        ];

        var before = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fieldsBefore))));

        Assert.Equal(before, AuditChain.HashOf(entry));
    }

    [Fact]
    public async Task The_organisation_of_an_agency_read_is_chained_and_changing_it_afterwards_is_found()
    {
        const string tenant = "council-organisations";
        using var pa = hub.PersonalAdviser(tenant, "pa-organisations");
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        using var nhs = hub.AgencyWorker(Nhs, tenant);
        await ExpectAsync(await nhs.GetAsync($"/api/legs/{referral.LegIdOf(Nhs)}"), HttpStatusCode.OK);
        using var dpo = hub.DataProtectionOfficer(tenant);
        Assert.True((await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification"))!.Intact);
        var read = await hub.QueryAsync(db => db.Audit.SingleAsync(a => a.TenantId == tenant && a.ResourceType == "leg"));
        Assert.Equal(hub.OrganisationOf(Nhs, tenant), read.Organisation);

        await hub.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET \"Organisation\" = {"another-trust"} WHERE \"Id\" = {read.Id}"));

        var verification = (await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification"))!;
        Assert.False(verification.Intact);
        Assert.Equal((read.Sequence, $"Entry {read.Sequence} was changed after it was written."), (verification.FirstBreak!.Sequence, verification.FirstBreak.Problem));
    }

    static readonly (Guid Id, DateTimeOffset At, Guid YoungPersonId) Fixed = (Guid.NewGuid(), AuditChain.Stored(DateTimeOffset.UtcNow), Guid.NewGuid());

    static AuditEntry Entry(
        string actorId = "pa-1", DateTimeOffset? at = null, Guid? youngPersonId = null, string basis = AuditBases.PublicTask,
        string resourceId = "r", long sequence = 3, string? previousHash = null, string? organisation = null) => new()
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
            Organisation = organisation,
        };
}
