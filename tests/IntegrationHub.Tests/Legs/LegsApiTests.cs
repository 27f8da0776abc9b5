using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Legs;

public class LegsApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly string[] Sections = [Accommodation, Health, Eet, Financial];

    [Fact]
    public async Task Agency_reads_its_own_leg_with_only_what_was_shared_with_it()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync(Sections, Housing, Nhs);
        using var housing = hub.AgencyWorker(Housing);

        var response = await housing.GetAsync($"/api/legs/{referral.LegIdOf(Housing)}");

        await ExpectAsync(response, HttpStatusCode.OK);
        var view = (await response.Content.ReadFromJsonAsync<AgencyLegView>())!;
        Assert.Equal(referral.LegIdOf(Housing), view.Leg.Id);
        Assert.Equal(Housing, view.Leg.Agency);
        Assert.Equal(LegStatusCodes.Requested, view.Leg.Status);
        Assert.Equal(referral.Id, view.Referral.ReferralId);
        Assert.Equal([Accommodation, Financial], view.Referral.Sections.Select(s => s.Code));
        var identifier = Assert.Single(view.Referral.Person.Identifiers);
        Assert.Equal(new PersonIdentifier(IdentifierTypes.LocalAuthorityPersonId, person.LocalAuthorityPersonId), identifier);
    }

    [Fact]
    public async Task Agency_cannot_read_another_agencys_leg()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Housing, Nhs);
        using var nhs = hub.AgencyWorker(Nhs);

        await ExpectAsync(await nhs.GetAsync($"/api/legs/{referral.LegIdOf(Housing)}"), HttpStatusCode.NotFound);
        await ExpectAsync(await nhs.GetAsync($"/api/legs/{referral.LegIdOf(Nhs)}"), HttpStatusCode.OK);

        var listed = await nhs.GetFromJsonAsync<List<AgencyLegSummary>>("/api/legs");
        Assert.Contains(listed!, l => l.Id == referral.LegIdOf(Nhs));
        Assert.DoesNotContain(listed!, l => l.Id == referral.LegIdOf(Housing));
    }

    [Fact]
    public async Task Agency_serving_another_local_authority_cannot_read_the_leg()
    {
        using var pa = hub.PersonalAdviser(HubFactory.TenantA);
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        using var nhsOfB = hub.AgencyWorker(Nhs, HubFactory.TenantB);

        await ExpectAsync(await nhsOfB.GetAsync($"/api/legs/{referral.LegIdOf(Nhs)}"), HttpStatusCode.NotFound);
        var listed = await nhsOfB.GetFromJsonAsync<List<AgencyLegSummary>>("/api/legs");
        Assert.DoesNotContain(listed!, l => l.Id == referral.LegIdOf(Nhs));
    }

    [Fact]
    public async Task Unknown_leg_is_not_found()
    {
        using var nhs = hub.AgencyWorker(Nhs);

        await ExpectAsync(await nhs.GetAsync($"/api/legs/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }
}
