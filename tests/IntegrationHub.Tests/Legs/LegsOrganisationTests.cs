using IntegrationHub.Auditing;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Referrals;
using IntegrationHub.SubjectAccess;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Legs;

/// <summary>Two NHS organisations hold legs of one local authority: each sees only its own, and the out-of-area one only its area's.</summary>
public class LegsOrganisationTests(OrganisationsHub hub) : IClassFixture<OrganisationsHub>
{
    async Task<List<Guid>> ListedAsync(HttpClient agency) =>
        [.. (await agency.GetFromJsonAsync<List<AgencyLegSummary>>("/api/legs"))!.Select(l => l.Id)];

    [Fact]
    public async Task Each_nhs_organisation_lists_only_the_legs_addressed_to_it()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var homeTrust = hub.AgencyWorker(Nhs);
        using var leedsIcb = hub.AgencyWorker(Nhs, organisation: OrganisationsHub.LeedsIcb);
        using var defaultIcb = hub.AgencyWorker(Nhs, organisation: hub.OrganisationOf(Nhs, HubFactory.TenantB));

        var home = await ListedAsync(homeTrust);
        var leeds = await ListedAsync(leedsIcb);

        Assert.Equal(OrganisationsHub.HomeTrust, hub.OrganisationOf(Nhs));
        Assert.Contains(legs.HomeLeg(Nhs), home);
        Assert.DoesNotContain(legs.LeedsLeg(Nhs), home);
        Assert.Contains(legs.LeedsLeg(Nhs), leeds);
        Assert.DoesNotContain(legs.HomeLeg(Nhs), leeds);
        Assert.Empty(await ListedAsync(defaultIcb));
    }

    [Fact]
    public async Task Another_organisations_leg_is_not_found_and_its_read_is_not_audited()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var homeTrust = hub.AgencyWorker(Nhs);
        using var leedsIcb = hub.AgencyWorker(Nhs, organisation: OrganisationsHub.LeedsIcb);

        await ExpectAsync(await homeTrust.GetAsync($"/api/legs/{legs.LeedsLeg(Nhs)}"), HttpStatusCode.NotFound);
        await ExpectAsync(await leedsIcb.GetAsync($"/api/legs/{legs.HomeLeg(Nhs)}"), HttpStatusCode.NotFound);

        Assert.Empty(await hub.QueryAsync(db => db.Audit.Where(a => a.Action == AuditActions.Read && (a.YoungPersonId == legs.Home.Id || a.YoungPersonId == legs.Leeds.Id)).ToListAsync()));
    }

    [Fact]
    public async Task Out_of_area_organisation_reads_its_leg_and_the_audit_entry_names_it()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var leedsIcb = hub.AgencyWorker(Nhs, userId: "leeds-icb-worker", organisation: OrganisationsHub.LeedsIcb);

        var view = await leedsIcb.GetFromJsonAsync<AgencyLegView>($"/api/legs/{legs.LeedsLeg(Nhs)}");

        Assert.Equal(OrganisationsHub.LeedsIcb, view!.Leg.Recipient.Code);
        var entry = Assert.Single(await hub.QueryAsync(db => db.Audit.Where(a => a.Action == AuditActions.Read && a.YoungPersonId == legs.Leeds.Id).ToListAsync()));
        Assert.Equal("leeds-icb-worker", entry.ActorId);
        Assert.Equal(Nhs, entry.Agency);
        Assert.Equal(OrganisationsHub.LeedsIcb, entry.Organisation);
        Assert.Equal("public-task", entry.Basis);

        // The Data Protection Officer's answer to a subject access request says which organisation read it.
        using var dpo = hub.DataProtectionOfficer();
        var report = await dpo.GetFromJsonAsync<SubjectAccessReport>($"/api/young-people/{legs.Leeds.Id}/subject-access");
        var read = Assert.Single(report!.Reads, r => r.ResourceType == "leg");
        Assert.Equal((Nhs, OrganisationsHub.LeedsIcb), (read.Agency, read.Organisation));
    }
}
