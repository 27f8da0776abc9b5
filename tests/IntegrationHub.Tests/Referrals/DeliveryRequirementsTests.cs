using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Referrals;

/// <summary>A referral an agency's adapter could never deliver is refused when it is made, not failed a moment later.</summary>
public class DeliveryRequirementsTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly string[] Sections = [Accommodation, Health, Eet, Justice];

    /// <summary>A young person with no NI number, no CRN and no way to be contacted but a postcode.</summary>
    static RegisterYoungPerson Unreachable() => NewYoungPerson() with
    {
        Email = null,
        Phone = null,
        AddressLine = null,
        NationalInsuranceNumber = null,
        Crn = null,
    };

    public static TheoryData<string, string, string> Requirements() => new()
    {
        { AgencyCodes.Dwp, "person.identifiers[ni-number]", "The Jobcentre needs the young person's National Insurance number: add it to their record." },
        { AgencyCodes.Probation, "person.identifiers[crn]", "Probation needs the young person's case reference number (CRN): add it to their record." },
        { AgencyCodes.Housing, "person.contact", "Housing needs a way to contact the young person: add their email address, phone number or address to their record." },
    };

    [Theory]
    [MemberData(nameof(Requirements))]
    public async Task Referral_to_an_agency_missing_what_it_needs_gets_400_naming_the_agency_and_the_field_and_changes_nothing(
        string agency, string field, string message)
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(Unreachable());
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));
        var before = await hub.CountRowsAsync();

        var response = await pa.PostAsJsonAsync("/api/referrals", Referral(person.Id, plan.Number, Sections, AgencyCodes.Nhs, agency));

        Assert.Equal([message], await ExpectFieldErrorAsync(response, $"agencies[1].{field}"));
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Theory]
    [InlineData(AgencyCodes.Dwp)]
    [InlineData(AgencyCodes.Probation)]
    [InlineData(AgencyCodes.Housing)]
    public async Task Referral_to_an_agency_with_what_it_needs_is_accepted(string agency)
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));

        var accepted = await pa.MakeReferralAsync(Referral(person.Id, plan.Number, Sections, AgencyCodes.Nhs, agency));

        Assert.Equal(LegStatusCodes.Requested, accepted.Legs.Single(l => l.Agency == agency).Status);
    }

    [Fact]
    public async Task Every_agency_missing_what_it_needs_is_reported_at_once()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(Unreachable());
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));

        var response = await pa.PostAsJsonAsync(
            "/api/referrals", Referral(person.Id, plan.Number, Sections, AgencyCodes.Housing, AgencyCodes.Nhs, AgencyCodes.Dwp, AgencyCodes.Probation, AgencyCodes.Yos));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["agencies[0].person.contact", "agencies[2].person.identifiers[ni-number]", "agencies[3].person.identifiers[crn]"],
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Referral_shares_with_the_nhs_and_the_yos_whatever_the_young_persons_record_lacks()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(Unreachable() with { NhsNumber = null });
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));

        var accepted = await pa.MakeReferralAsync(Referral(person.Id, plan.Number, Sections, AgencyCodes.Nhs, AgencyCodes.Yos));

        Assert.Equal([AgencyCodes.Nhs, AgencyCodes.Yos], accepted.Legs.Select(l => l.Agency).Order());
    }
}
