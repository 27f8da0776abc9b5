using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Referrals;

public class ReferralsApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly string[] Sections = [Accommodation, Health, Eet, Financial];

    [Fact]
    public async Task Referral_is_accepted_with_one_requested_leg_per_agency_and_a_timeline()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));

        var response = await pa.PostAsJsonAsync("/api/referrals", Referral(person.Id, plan.Number, Sections, AgencyCodes.Housing, AgencyCodes.Nhs, AgencyCodes.Dwp));

        await ExpectAsync(response, HttpStatusCode.Accepted);
        var accepted = (await response.Content.ReadFromJsonAsync<ReferralAccepted>())!;
        Assert.Equal($"/api/referrals/{accepted.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(ReferralStatus.Sent, accepted.Status);

        var referral = (await pa.GetFromJsonAsync<ReferralDetails>(response.Headers.Location))!;
        Assert.Equal(person.Id, referral.YoungPersonId);
        Assert.Equal(plan.Number, referral.PlanVersion);
        Assert.Equal(ReferralStatus.Sent, referral.Status);
        Assert.Equal([AgencyCodes.Dwp, AgencyCodes.Housing, AgencyCodes.Nhs], referral.Legs.Select(l => l.Agency));
        Assert.All(referral.Legs, l => Assert.Equal(LegStatusCodes.Requested, l.Status));
        Assert.All(referral.Legs, l => Assert.Equal("consent", l.LawfulBasis.Basis));
        Assert.All(referral.Legs, l => Assert.Equal(ReasonFor(l.Agency), l.Reason));
        Assert.Equal([Accommodation, Financial], referral.LegOf(AgencyCodes.Housing).SharedSections);
        Assert.Equal([Health], referral.LegOf(AgencyCodes.Nhs).SharedSections);
        Assert.Equal([Eet, Financial], referral.LegOf(AgencyCodes.Dwp).SharedSections);

        Assert.Equal(TimelineKinds.ReferralMade, referral.Timeline[0].Kind);
        Assert.Single(referral.Timeline, t => t.Kind == TimelineKinds.ReferralMade);
        var legRequested = referral.Timeline.Where(t => t.Kind == TimelineKinds.LegRequested).ToList();
        Assert.Equal(3, legRequested.Count);
        Assert.Equal(referral.Legs.Select(l => l.Id).Order(), legRequested.Select(t => t.LegId!.Value).Order());
        Assert.All(legRequested, t => Assert.Equal(LegStatusCodes.Requested, t.ToStatus));
        Assert.Equal(4, referral.Timeline.Count);
    }

    [Fact]
    public async Task Referral_and_its_outgoing_messages_are_stored_together()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, AgencyCodes.Housing, AgencyCodes.Nhs);

        var messages = await hub.QueryAsync(db => db.Outbox.Where(m => m.Body.Contains(referral.Id.ToString())).ToListAsync());

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(typeof(LegRequested).FullName, m.MessageType));
        Assert.Equal([Endpoints.AdapterQueue(AgencyCodes.Housing), Endpoints.AdapterQueue(AgencyCodes.Nhs)], messages.Select(m => m.Destination).Order());
    }

    [Theory]
    [InlineData(16)]
    [InlineData(25)]
    public async Task Young_person_aged_16_to_25_can_be_referred(int age)
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson(age == 16 ? BornYearsAgo(16) : BornYearsAgo(26).AddDays(1)));
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Health));
        Assert.Equal(age, person.Age);

        await pa.MakeReferralAsync(Referral(person.Id, plan.Number, [Health], AgencyCodes.Nhs));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(26)]
    public async Task Young_person_outside_16_to_25_cannot_be_referred(int age)
    {
        using var pa = hub.PersonalAdviser();
        // 15: turns 16 tomorrow. 26: turned 26 today.
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson(age == 15 ? BornYearsAgo(16).AddDays(1) : BornYearsAgo(26)));
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Health));
        Assert.Equal(age, person.Age);
        var before = await hub.CountRowsAsync();

        var response = await pa.PostAsJsonAsync("/api/referrals", Referral(person.Id, plan.Number, [Health], AgencyCodes.Nhs));

        var messages = await ExpectFieldErrorAsync(response, "youngPersonId");
        Assert.Contains(messages, m => m.Contains($"{age}", StringComparison.Ordinal));
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    public static TheoryData<string> BadReferralCases() => [.. BadReferrals.Keys];

    static readonly Dictionary<string, (string Field, Func<MakeReferral, MakeReferral> Spoil)> BadReferrals = new()
    {
        ["unknown agency"] = ("agencies[0].agency", r => r with { Agencies = [To("police", Consent())] }),
        ["no agency name"] = ("agencies[0].agency", r => r with { Agencies = [To(null, Consent())] }),
        ["agency named twice"] = ("agencies[1].agency", r => r with { Agencies = [To(AgencyCodes.Nhs, Consent()), To(AgencyCodes.Nhs, Consent())] }),
        ["agency shares none of the sections"] = ("agencies[0].agency", r => r with { Agencies = [To(AgencyCodes.Probation, Consent())], Sections = [Health] }),
        ["no agencies"] = ("agencies", r => r with { Agencies = [] }),
        ["no reason for an agency"] = ("agencies[0].reason", r => r with { Agencies = [new ReferralAgency(AgencyCodes.Nhs, " ", Consent())] }),
        ["reason for an agency too long"] = ("agencies[0].reason", r => r with { Agencies = [new ReferralAgency(AgencyCodes.Nhs, new string('r', 4001), Consent())] }),
        ["missing lawful basis"] = ("agencies[0].lawfulBasis", r => r with { Agencies = [To(AgencyCodes.Nhs, null)] }),
        ["lawful basis without a basis"] = ("agencies[0].lawfulBasis", r => r with { Agencies = [To(AgencyCodes.Nhs, Consent() with { Basis = null })] }),
        ["unknown lawful basis"] = ("agencies[0].lawfulBasis.basis", r => r with { Agencies = [To(AgencyCodes.Nhs, Consent() with { Basis = "because" })] }),
        ["housing without consent"] = ("agencies[0].lawfulBasis.basis", r => r with { Agencies = [To(AgencyCodes.Housing, Consent() with { Basis = "public-task" })] }),
        ["consent recorded in the future"] = ("agencies[0].lawfulBasis.recordedAt", r => r with { Agencies = [To(AgencyCodes.Nhs, Consent() with { RecordedAt = DateTimeOffset.UtcNow.AddDays(1) })] }),
        ["unknown section"] = ("sections[0]", r => r with { Sections = ["housing"] }),
        ["section not in the plan"] = ("sections[0]", r => r with { Sections = [Justice] }),
        ["no sections"] = ("sections", r => r with { Sections = [] }),
        ["no summary"] = ("summary", r => r with { Summary = " " }),
        ["plan version that does not exist"] = ("planVersion", r => r with { PlanVersion = 7 }),
        ["unknown young person"] = ("youngPersonId", r => r with { YoungPersonId = Guid.NewGuid() }),
        ["no young person"] = ("youngPersonId", r => r with { YoungPersonId = null }),
    };

    [Theory]
    [MemberData(nameof(BadReferralCases))]
    public async Task Bad_referral_gets_400_naming_the_field_and_changes_nothing(string badCase)
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));
        var (field, spoil) = BadReferrals[badCase];
        var request = spoil(Referral(person.Id, plan.Number, Sections, AgencyCodes.Nhs));
        var before = await hub.CountRowsAsync();

        var response = await pa.PostAsJsonAsync("/api/referrals", request);

        await ExpectFieldErrorAsync(response, field);
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Referral_wrong_in_several_fields_gets_one_400_naming_each()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));
        var request = Referral(person.Id, plan.Number, Sections, AgencyCodes.Nhs) with
        {
            Summary = " ",
            Sections = ["housing", Health],
            Agencies = [To("police", Consent()), To(AgencyCodes.Nhs, Consent() with { Basis = "because" })],
        };

        var response = await pa.PostAsJsonAsync("/api/referrals", request);

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["summary", "sections[0]", "agencies[0].agency", "agencies[1].lawfulBasis.basis"],
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task One_bad_agency_stops_the_whole_referral()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));
        var request = Referral(person.Id, plan.Number, Sections, AgencyCodes.Nhs, AgencyCodes.Dwp) with
        {
            Agencies = [To(AgencyCodes.Nhs, Consent()), To(AgencyCodes.Housing, null)],
        };
        var before = await hub.CountRowsAsync();

        await ExpectFieldErrorAsync(await pa.PostAsJsonAsync("/api/referrals", request), "agencies[1].lawfulBasis");

        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Referral_cannot_be_made_for_a_young_person_of_another_local_authority()
    {
        using var paA = hub.PersonalAdviser(HubFactory.TenantA);
        using var paB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var person = await paA.RegisterYoungPersonAsync();
        var plan = await paA.CreatePlanVersionAsync(person.Id, Plan(Health));
        var before = await hub.CountRowsAsync();

        var response = await paB.PostAsJsonAsync("/api/referrals", Referral(person.Id, plan.Number, [Health], AgencyCodes.Nhs));

        await ExpectFieldErrorAsync(response, "youngPersonId");
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Personal_adviser_of_another_local_authority_cannot_see_the_referral()
    {
        using var paA = hub.PersonalAdviser(HubFactory.TenantA);
        using var paB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var (_, referral) = await paA.ReferAsync([Health], AgencyCodes.Nhs);

        await ExpectAsync(await paB.GetAsync($"/api/referrals/{referral.Id}"), HttpStatusCode.NotFound);
        var listed = await paB.GetFromJsonAsync<List<ReferralDetails>>("/api/referrals");
        Assert.DoesNotContain(listed!, r => r.Id == referral.Id);
        await ExpectAsync(
            await paB.PostAsJsonAsync($"/api/referrals/{referral.Id}/cancellation", new CancelRequest("Not mine to cancel")),
            HttpStatusCode.NotFound);
        Assert.Equal(LegStatusCodes.Requested, Assert.Single((await paA.GetReferralAsync(referral.Id)).Legs).Status);
    }
}
