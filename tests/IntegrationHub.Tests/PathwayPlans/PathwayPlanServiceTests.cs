using IntegrationHub.Outcomes;
using IntegrationHub.PathwayPlans;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.PathwayPlans;

/// <summary>The pathway plan service itself, as both the API and the plan editor call it.</summary>
public class PathwayPlanServiceTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task A_version_for_a_young_person_of_another_council_is_not_found_before_it_is_validated()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();

        var outcome = await hub.CallAsync<PathwayPlanService, Outcome<PlanVersionDetails>>(HubFactory.PersonalAdviserUser(HubFactory.TenantB), s => s.CreateVersionAsync(
            person.Id, new CreatePlanVersion(null), HubFactory.PersonalAdviserUser(HubFactory.TenantB), default));

        Assert.IsType<Outcome<PlanVersionDetails>.NotFound>(outcome);
    }

    [Fact]
    public async Task A_version_names_each_bad_section_by_its_place()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = new CreatePlanVersion([Section(Health, "Register with a GP"), Section(Health, "Again"), new NewPlanSection("hobbies", [], [], null, null)]);

        var outcome = await hub.CallAsync<PathwayPlanService, Outcome<PlanVersionDetails>>(HubFactory.PersonalAdviserUser(), s => s.CreateVersionAsync(person.Id, plan, HubFactory.PersonalAdviserUser(), default));

        Assert.Equal(["sections[1].code", "sections[2].code", "sections[2].needs"], Assert.IsType<Outcome<PlanVersionDetails>.Invalid>(outcome).Errors.ToDictionary().Keys);
    }

    [Fact]
    public async Task Reading_the_latest_version_is_audited_and_a_plan_not_yet_made_is_not_found_nor_audited()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var before = (await hub.CountRowsAsync()).Audit;
        var none = await hub.CallAsync<PathwayPlanService, PathwayPlanDetails?>(HubFactory.PersonalAdviserUser(), s => s.GetLatestAsync(person.Id, HubFactory.PersonalAdviserUser(), default));
        Assert.Equal(before, (await hub.CountRowsAsync()).Audit);
        await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation));
        await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation, Health));
        var afterVersions = (await hub.CountRowsAsync()).Audit;

        var latest = await hub.CallAsync<PathwayPlanService, PathwayPlanDetails?>(HubFactory.PersonalAdviserUser(), s => s.GetLatestAsync(person.Id, HubFactory.PersonalAdviserUser(), default));

        Assert.Null(none);
        Assert.Equal((2, 2), (latest?.Latest.Number, latest?.History.Count));
        Assert.Equal(afterVersions + 1, (await hub.CountRowsAsync()).Audit);
    }
}
