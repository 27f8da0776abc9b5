using IntegrationHub.Outcomes;
using IntegrationHub.YoungPeople;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.YoungPeople;

/// <summary>The young people service itself, as both the API and the pages call it.</summary>
public class YoungPeopleServiceTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Registering_a_local_authority_person_id_twice_is_a_conflict_that_names_it()
    {
        var request = NewYoungPerson();
        var user = HubFactory.PersonalAdviserUser();
        await hub.CallAsync<YoungPeopleService, Outcome<YoungPersonDetails>>(user, s => s.RegisterAsync(request, user, default));

        var again = await hub.CallAsync<YoungPeopleService, Outcome<YoungPersonDetails>>(user, s => s.RegisterAsync(request, user, default));

        var conflict = Assert.IsType<Outcome<YoungPersonDetails>.Conflict>(again);
        Assert.Equal($"A young person with local authority person id '{request.LocalAuthorityPersonId}' is already registered.", conflict.Detail);
    }

    [Fact]
    public async Task A_registration_in_an_area_the_directory_does_not_know_is_invalid()
    {
        var outcome = await hub.CallAsync<YoungPeopleService, Outcome<YoungPersonDetails>>(HubFactory.PersonalAdviserUser(), s => s.RegisterAsync(
            NewYoungPerson() with { ResidenceArea = "atlantis" }, HubFactory.PersonalAdviserUser(), default));

        Assert.Equal(["residenceArea"], Assert.IsType<Outcome<YoungPersonDetails>.Invalid>(outcome).Errors.ToDictionary().Keys);
    }

    [Fact]
    public async Task Listing_audits_one_read_per_young_person_listed_and_another_councils_are_not_listed()
    {
        var registered = Assert.IsType<Outcome<YoungPersonDetails>.Done>(await hub.CallAsync<YoungPeopleService, Outcome<YoungPersonDetails>>(HubFactory.PersonalAdviserUser(),
            s => s.RegisterAsync(NewYoungPerson(), HubFactory.PersonalAdviserUser(), default))).Value;
        var before = (await hub.CountRowsAsync()).Audit;

        var listed = await hub.CallAsync<YoungPeopleService, List<YoungPersonDetails>>(HubFactory.PersonalAdviserUser(), s => s.ListAsync(registered.LocalAuthorityPersonId, HubFactory.PersonalAdviserUser(), default));
        var elsewhere = await hub.CallAsync<YoungPeopleService, List<YoungPersonDetails>>(HubFactory.PersonalAdviserUser(HubFactory.TenantB), s => s.ListAsync(registered.LocalAuthorityPersonId, HubFactory.PersonalAdviserUser(HubFactory.TenantB), default));

        Assert.Equal(registered.Id, Assert.Single(listed).Id);
        Assert.Empty(elsewhere);
        Assert.Equal(before + 1, (await hub.CountRowsAsync()).Audit);
    }
}
