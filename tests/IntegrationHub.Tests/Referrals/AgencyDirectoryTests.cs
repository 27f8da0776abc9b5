using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Adapters.Nhs;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Referrals;

/// <summary>A care leaver is referred to the agencies of the area where they live.</summary>
public class AgencyDirectoryTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Young_person_living_out_of_area_is_referred_to_that_areas_housing_authority()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson() with { ResidenceArea = HubFactory.OutOfArea });
        await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation, Health));

        var referral = await pa.MakeReferralAsync(Referral(person.Id, 1, [Accommodation, Health], Housing, Nhs));

        var details = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(HubFactory.OutOfAreaHousing, details.LegOf(Housing).Recipient.Code);
        Assert.Contains(details.Timeline, t => t.Agency == Housing && t.Detail!.Contains("Leeds City Council", StringComparison.Ordinal));
        var delivered = await Eventually.WaitAsync(() => hub.Agencies.RequestedAt(Housing), m => m.Any(l => l.ReferralId == referral.Id), "the housing leg");
        Assert.Equal(HubFactory.OutOfAreaHousing, delivered.Single(l => l.ReferralId == referral.Id).Recipient.Code);

        // The area names no NHS organisation, so the NHS leg goes to the looking-after authority's.
        Assert.Equal(NhsAgency.Define(new()).DefaultOrganisation, details.LegOf(Nhs).Recipient);
    }

    [Fact]
    public async Task Young_person_living_in_area_is_referred_to_the_local_authoritys_own_organisations()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Accommodation], Housing);

        var details = await pa.GetReferralAsync(referral.Id);

        Assert.Equal(HousingAgency.Define(new()).DefaultOrganisation, details.LegOf(Housing).Recipient);
    }

    [Fact]
    public async Task Residence_area_the_directory_does_not_know_is_refused()
    {
        using var pa = hub.PersonalAdviser();

        var response = await pa.PostAsJsonAsync("/api/young-people", NewYoungPerson() with { ResidenceArea = "atlantis" });

        await ExpectFieldErrorAsync(response, "residenceArea");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
