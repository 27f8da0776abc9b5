using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Referrals;

public class DutyToReferConsentsTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly DutyToReferConsents AllGiven = new(true, true, true);

    [Fact]
    public async Task Housing_referral_with_the_three_consents_is_accepted_and_its_leg_records_them()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation));

        var accepted = await pa.MakeReferralAsync(HousingReferral(person.Id, plan.Number, AllGiven));

        var leg = (await pa.GetReferralAsync(accepted.Id)).LegOf(AgencyCodes.Housing);
        Assert.Equal("consent", leg.LawfulBasis.Basis);
        Assert.Equal(new HousingReferralConsents(true, true, true), leg.LawfulBasis.HousingConsents);
        Assert.Equal("Signed consent form", leg.LawfulBasis.Evidence);
    }

    public static TheoryData<string> Consents() => ["toBeReferred", "toChosenHousingAuthority", "toShareContactDetails"];

    [Theory]
    [MemberData(nameof(Consents))]
    public async Task Housing_referral_missing_one_consent_names_that_consent_and_changes_nothing(string missing)
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation));
        var consents = new DutyToReferConsents(missing != "toBeReferred", missing != "toChosenHousingAuthority", missing == "toShareContactDetails" ? null : true);
        var before = await hub.CountRowsAsync();

        var response = await pa.PostAsJsonAsync("/api/referrals", HousingReferral(person.Id, plan.Number, consents));

        await ExpectFieldErrorAsync(response, $"agencies[0].lawfulBasis.housingConsents.{missing}");
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Housing_referral_without_the_three_consents_still_takes_the_single_consent()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation));

        var accepted = await pa.MakeReferralAsync(HousingReferral(person.Id, plan.Number, consents: null));

        var leg = (await pa.GetReferralAsync(accepted.Id)).LegOf(AgencyCodes.Housing);
        Assert.Equal("Signed consent form", leg.LawfulBasis.Evidence);
        Assert.Null(leg.LawfulBasis.HousingConsents);
    }

    [Fact]
    public async Task Duty_to_refer_consents_on_another_agency_are_refused()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Health));
        var before = await hub.CountRowsAsync();
        var request = Referral(person.Id, plan.Number, [Health]) with { Agencies = [To(AgencyCodes.Nhs, Consent(), AllGiven)] };

        var response = await pa.PostAsJsonAsync("/api/referrals", request);

        await ExpectFieldErrorAsync(response, "agencies[0].dutyToReferConsents");
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    static MakeReferral HousingReferral(Guid youngPersonId, int planVersion, DutyToReferConsents? consents) =>
        Referral(youngPersonId, planVersion, [Accommodation]) with { Agencies = [To(AgencyCodes.Housing, Consent(), consents)] };
}
