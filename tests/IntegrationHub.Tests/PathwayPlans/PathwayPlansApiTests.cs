using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.PathwayPlans;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.PathwayPlans;

public class PathwayPlansApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Plan_versions_are_numbered_and_each_stays_as_it_was_written()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var v1Request = new CreatePlanVersion([Section(PlanSectionCodes.Accommodation, "Needs a tenancy by March")]);
        var v2Request = new CreatePlanVersion(
        [
            Section(PlanSectionCodes.Accommodation, "Tenancy found; needs furniture"),
            Section(PlanSectionCodes.Health, "Register with a GP"),
        ]);

        var created1 = await pa.PostAsJsonAsync($"/api/young-people/{person.Id}/pathway-plan/versions", v1Request);
        await ExpectAsync(created1, HttpStatusCode.Created);
        Assert.Equal($"/api/young-people/{person.Id}/pathway-plan/versions/1", created1.Headers.Location?.OriginalString);
        var v2 = await pa.CreatePlanVersionAsync(person.Id, v2Request);
        Assert.Equal(2, v2.Number);

        var plan = (await pa.GetFromJsonAsync<PathwayPlanDetails>($"/api/young-people/{person.Id}/pathway-plan"))!;
        Assert.Equal(2, plan.Latest.Number);
        Assert.Equal([PlanSectionCodes.Accommodation, PlanSectionCodes.Health], plan.Latest.Sections.Select(s => s.Code));
        Assert.Equal(2, plan.History.Count);
        Assert.Equal([2, 1], plan.History.Select(h => h.Number));
        Assert.Equal([2, 1], plan.History.Select(h => h.SectionCount));

        var v1 = (await pa.GetFromJsonAsync<PlanVersionDetails>(created1.Headers.Location))!;
        Assert.Equal(1, v1.Number);
        var section = Assert.Single(v1.Sections);
        Assert.Equal(PlanSectionCodes.Accommodation, section.Code);
        Assert.Equal(["Needs a tenancy by March"], section.Needs);
    }

    [Fact]
    public async Task Plan_of_an_unknown_young_person_is_not_found()
    {
        using var pa = hub.PersonalAdviser();

        await ExpectAsync(await pa.GetAsync($"/api/young-people/{Guid.NewGuid()}/pathway-plan"), HttpStatusCode.NotFound);
        await ExpectAsync(await pa.PostAsJsonAsync($"/api/young-people/{Guid.NewGuid()}/pathway-plan/versions", Plan(PlanSectionCodes.Health)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Personal_adviser_of_another_local_authority_cannot_read_or_extend_the_plan()
    {
        using var paA = hub.PersonalAdviser(HubFactory.TenantA);
        using var paB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var person = await paA.RegisterYoungPersonAsync();
        await paA.CreatePlanVersionAsync(person.Id, Plan(PlanSectionCodes.Health));
        var before = await hub.CountRowsAsync();

        await ExpectAsync(await paB.GetAsync($"/api/young-people/{person.Id}/pathway-plan"), HttpStatusCode.NotFound);
        await ExpectAsync(await paB.GetAsync($"/api/young-people/{person.Id}/pathway-plan/versions/1"), HttpStatusCode.NotFound);
        await ExpectAsync(await paB.PostAsJsonAsync($"/api/young-people/{person.Id}/pathway-plan/versions", Plan(PlanSectionCodes.Eet)), HttpStatusCode.NotFound);
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Current_accommodation_activity_and_trusted_adults_are_kept_with_each_version_and_a_version_without_them_reads_as_not_recorded()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var v1 = await pa.CreatePlanVersionAsync(person.Id, Plan(PlanSectionCodes.Health));
        var v2 = await pa.CreatePlanVersionAsync(person.Id, Plan(PlanSectionCodes.Health) with
        {
            Accommodation = new NewAccommodation(AccommodationCodes.NoFixedAbode, false),
            Activity = new NewActivity(ActivityCodes.NotInEetIllnessOrDisability),
            TrustedAdults = TrustedAdultsAnswers.No,
        });
        var v3 = await pa.CreatePlanVersionAsync(person.Id, Plan(PlanSectionCodes.Health) with
        {
            Accommodation = new NewAccommodation(AccommodationCodes.SupportedLodgings, true),
            Activity = new NewActivity(ActivityCodes.PartTimeApprenticeship),
            TrustedAdults = TrustedAdultsAnswers.Yes,
        });
        var v4 = await pa.CreatePlanVersionAsync(person.Id, Plan(PlanSectionCodes.Health) with
        {
            Accommodation = new NewAccommodation(AccommodationCodes.NoInformation, null),
            Activity = new NewActivity(ActivityCodes.NoInformation),
            TrustedAdults = TrustedAdultsAnswers.NotKnown,
        });

        Assert.Equal((null, null, null), (v1.Accommodation, v1.Activity, v1.TrustedAdults));
        var latest = (await pa.GetFromJsonAsync<PathwayPlanDetails>($"/api/young-people/{person.Id}/pathway-plan"))!.Latest;
        Assert.Equal((new CurrentAccommodation("0", null), new CurrentActivity("0"), "not-known"), (latest.Accommodation, latest.Activity, latest.TrustedAdults));
        var second = (await pa.GetFromJsonAsync<PlanVersionDetails>($"/api/young-people/{person.Id}/pathway-plan/versions/{v2.Number}"))!;
        Assert.Equal((new CurrentAccommodation("S", false), new CurrentActivity("G4"), "no"), (second.Accommodation, second.Activity, second.TrustedAdults));
        var third = (await pa.GetFromJsonAsync<PlanVersionDetails>($"/api/young-people/{person.Id}/pathway-plan/versions/{v3.Number}"))!;
        Assert.Equal((new CurrentAccommodation("E", true), new CurrentActivity("P4"), "yes"), (third.Accommodation, third.Activity, third.TrustedAdults));
        var first = (await pa.GetFromJsonAsync<PlanVersionDetails>($"/api/young-people/{person.Id}/pathway-plan/versions/{v1.Number}"))!;
        Assert.Equal((null, null, null), (first.Accommodation, first.Activity, first.TrustedAdults));
        Assert.Equal(4, v4.Number);
    }

    [Fact]
    public async Task Current_situation_is_stored_in_columns_the_database_can_count_over_each_young_persons_latest_version()
    {
        using var pa = hub.PersonalAdviser();
        var settled = await pa.RegisterYoungPersonAsync();
        var homeless = await pa.RegisterYoungPersonAsync();
        await pa.CreatePlanVersionAsync(settled.Id, Plan(PlanSectionCodes.Health) with { Accommodation = new NewAccommodation(AccommodationCodes.EmergencyAccommodation, false) });
        await pa.CreatePlanVersionAsync(settled.Id, Plan(PlanSectionCodes.Health) with
        {
            Accommodation = new NewAccommodation(AccommodationCodes.IndependentLiving, true),
            Activity = new NewActivity(ActivityCodes.FullTimeHigherEducation),
        });
        await pa.CreatePlanVersionAsync(homeless.Id, Plan(PlanSectionCodes.Health) with
        {
            Accommodation = new NewAccommodation(AccommodationCodes.NoFixedAbode, false),
            Activity = new NewActivity(ActivityCodes.NotInEetOther),
        });
        Guid[] people = [settled.Id, homeless.Id];

        // As the scorecard will ask it: each young person's latest version, filtered and counted in SQL.
        var (suitable, inEet) = await hub.QueryAsync(async db =>
        {
            var latest = db.PlanVersions.Where(v => people.Contains(v.YoungPersonId)
                && v.Number == db.PlanVersions.Where(o => o.YoungPersonId == v.YoungPersonId).Max(o => o.Number));
            return (
                await latest.CountAsync(v => v.Accommodation != null && v.Accommodation.Suitable == true),
                await latest.CountAsync(v => v.Activity != null && ActivityCodes.InEducationEmploymentOrTraining.Contains(v.Activity.Code)));
        });

        Assert.Equal((1, 1), (suitable, inEet));
    }

    public static TheoryData<string, CreatePlanVersion> BadPlans() => new()
    {
        { "sections", new CreatePlanVersion([]) },
        { "sections", new CreatePlanVersion(null) },
        { "sections[0].code", new CreatePlanVersion([Section("housing", "A need")]) },
        { "sections[1].code", new CreatePlanVersion([Section(PlanSectionCodes.Eet, "A"), Section(PlanSectionCodes.Eet, "B")]) },
        { "sections[0].needs", new CreatePlanVersion([new NewPlanSection(PlanSectionCodes.Eet, [], [], null, null)]) },
        { "accommodation.code", Plan(PlanSectionCodes.Eet) with { Accommodation = new NewAccommodation("A", true) } },
        { "accommodation.code", Plan(PlanSectionCodes.Eet) with { Accommodation = new NewAccommodation("u", true) } },
        { "accommodation.code", Plan(PlanSectionCodes.Eet) with { Accommodation = new NewAccommodation(null, true) } },
        { "accommodation.suitable", Plan(PlanSectionCodes.Eet) with { Accommodation = new NewAccommodation(AccommodationCodes.IndependentLiving, null) } },
        { "accommodation.suitable", Plan(PlanSectionCodes.Eet) with { Accommodation = new NewAccommodation(AccommodationCodes.NoInformation, false) } },
        { "accommodation.suitable", Plan(PlanSectionCodes.Eet) with { Accommodation = new NewAccommodation(AccommodationCodes.NoFixedAbode, true) } },
        { "accommodation.suitable", Plan(PlanSectionCodes.Eet) with { Accommodation = new NewAccommodation(AccommodationCodes.InCustody, true) } },
        { "activity.code", Plan(PlanSectionCodes.Eet) with { Activity = new NewActivity("F3") } },
        { "activity.code", Plan(PlanSectionCodes.Eet) with { Activity = new NewActivity(null) } },
        { "trustedAdults", Plan(PlanSectionCodes.Eet) with { TrustedAdults = "maybe" } },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task Bad_plan_gets_400_naming_the_field_and_stores_nothing(string field, CreatePlanVersion plan)
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var before = await hub.CountRowsAsync();

        var response = await pa.PostAsJsonAsync($"/api/young-people/{person.Id}/pathway-plan/versions", plan);

        await ExpectFieldErrorAsync(response, field);
        Assert.Equal(before, await hub.CountRowsAsync());
    }
}
