using IntegrationHub.Legs;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Legs;

/// <summary>The agency's view of its legs, as both the legs API and the partner pages call it.</summary>
public class LegServiceTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly string[] Sections = [Accommodation, Health, Eet, Financial];

    HubUser Worker(string agency) => hub.AgencyWorkerUser(agency);

    [Fact]
    public async Task An_agencys_list_names_only_its_own_legs_and_each_name_is_audited_under_the_legs_lawful_basis()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync(Sections, Housing, Nhs);

        var listed = await hub.CallAsync<LegService, List<AgencyLegListed>>(Worker(Housing), s => s.ListWithNamesAsync(null, Worker(Housing), default));

        Assert.Contains(listed, l => l.Id == referral.LegIdOf(Housing) && l.GivenName == person.GivenName);
        Assert.DoesNotContain(listed, l => l.Id == referral.LegIdOf(Nhs));
        var audit = await hub.QueryAsync(db => db.Audit.Where(a => a.ResourceType == "leg" && a.YoungPersonId == person.Id).ToListAsync());
        Assert.Equal(("housing-worker", "consent"), (Assert.Single(audit).ActorId, audit[0].Basis));
    }

    [Fact]
    public async Task Another_agencys_leg_is_not_found_and_nothing_is_audited()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Housing, Nhs);
        var before = (await hub.CountRowsAsync()).Audit;

        var view = await hub.CallAsync<LegService, AgencyLegView?>(Worker(Nhs), s => s.GetAsync(referral.LegIdOf(Housing), Worker(Nhs), default));

        Assert.Null(view);
        Assert.Equal(before, (await hub.CountRowsAsync()).Audit);
    }
}
