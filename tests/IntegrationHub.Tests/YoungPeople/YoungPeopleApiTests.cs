using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Identifiers;
using IntegrationHub.YoungPeople;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.YoungPeople;

public class YoungPeopleApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Registering_a_young_person_answers_201_with_its_location()
    {
        using var pa = hub.PersonalAdviser();
        var request = NewYoungPerson() with { NhsNumber = "943 476 5919", NationalInsuranceNumber = "ab 12 34 56 c", Crn = "x123456" };

        var response = await pa.PostAsJsonAsync("/api/young-people", request);

        await ExpectAsync(response, HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<YoungPersonDetails>())!;
        Assert.Equal($"/api/young-people/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(HubFactory.TenantA, created.TenantId);
        Assert.Equal(19, created.Age);
        Assert.Equal("9434765919", created.NhsNumber);
        Assert.Equal("AB123456C", created.NationalInsuranceNumber);
        Assert.Equal("X123456", created.Crn);

        var fetched = await pa.GetFromJsonAsync<YoungPersonDetails>(response.Headers.Location);
        Assert.Equal(created, fetched);
    }

    [Fact]
    public async Task Same_local_authority_person_id_cannot_be_registered_twice()
    {
        using var pa = hub.PersonalAdviser();
        var request = NewYoungPerson();
        await pa.RegisterYoungPersonAsync(request);
        var before = await hub.CountRowsAsync();

        var response = await pa.PostAsJsonAsync("/api/young-people", request with { GivenName = "Other" });

        await ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    public static TheoryData<string, RegisterYoungPerson> BadRegistrations() => new()
    {
        { "nhsNumber", NewYoungPerson() with { NhsNumber = "9434765918" } },
        { "nhsNumber", NewYoungPerson() with { NhsNumber = "943476591" } },
        { "nhsNumber", NewYoungPerson() with { NhsNumber = "1000000010" } },
        { "nationalInsuranceNumber", NewYoungPerson() with { NationalInsuranceNumber = "AB123456E" } },
        { "nationalInsuranceNumber", NewYoungPerson() with { NationalInsuranceNumber = "TN123456A" } },
        { "nationalInsuranceNumber", NewYoungPerson() with { NationalInsuranceNumber = "AO123456A" } },
        { "crn", NewYoungPerson() with { Crn = "XX12345" } },
        { "crn", NewYoungPerson() with { Crn = "1234567" } },
        { "localAuthorityPersonId", NewYoungPerson() with { LocalAuthorityPersonId = "LA 123" } },
        { "givenName", NewYoungPerson() with { GivenName = " " } },
        { "dateOfBirth", NewYoungPerson() with { DateOfBirth = null } },
        { "dateOfBirth", NewYoungPerson() with { DateOfBirth = Today.AddDays(1) } },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Bad_registration_gets_400_naming_the_field_and_stores_nothing(string field, RegisterYoungPerson request)
    {
        using var pa = hub.PersonalAdviser();
        var before = await hub.CountRowsAsync();

        var response = await pa.PostAsJsonAsync("/api/young-people", request);

        await ExpectFieldErrorAsync(response, field);
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Every_bad_identifier_is_named_at_once()
    {
        using var pa = hub.PersonalAdviser();
        var request = NewYoungPerson() with { NhsNumber = "9434765918", NationalInsuranceNumber = "DA123456A", Crn = "X12345" };

        var response = await pa.PostAsJsonAsync("/api/young-people", request);

        await ExpectFieldErrorAsync(response, "nhsNumber");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("nationalInsuranceNumber", out _));
        Assert.True(errors.TryGetProperty("crn", out _));
    }

    [Fact]
    public async Task National_insurance_error_gives_an_example_that_is_itself_valid()
    {
        using var pa = hub.PersonalAdviser();

        var response = await pa.PostAsJsonAsync("/api/young-people", NewYoungPerson() with { NationalInsuranceNumber = "AB123456E" });

        var message = Assert.Single(await ExpectFieldErrorAsync(response, "nationalInsuranceNumber"));
        var example = Regex.Match(message, @"e\.g\. ([A-Z]{2}\d{6}[A-Z])").Groups[1].Value;
        Assert.NotEmpty(example);
        Assert.True(NationalInsuranceNumber.IsValid(example), $"The error message tells the user to type '{example}', which the hub itself refuses.");
    }

    [Fact]
    public async Task Wrong_json_type_for_a_field_gets_400_naming_the_field()
    {
        using var pa = hub.PersonalAdviser();
        var before = await hub.CountRowsAsync();
        var body = """{"givenName":"Jordan","familyName":"Example","dateOfBirth":"not a date","localAuthorityPersonId":"LA-JSON-1"}""";

        var response = await pa.PostAsync("/api/young-people", new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectFieldErrorAsync(response, "dateOfBirth");
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Syntactically_broken_json_gets_400_problem_details()
    {
        using var pa = hub.PersonalAdviser();
        var before = await hub.CountRowsAsync();

        var response = await pa.PostAsync("/api/young-people", new StringContent("""{"givenName": "Jordan", """, Encoding.UTF8, "application/json"));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Personal_adviser_of_another_local_authority_cannot_see_the_young_person()
    {
        using var paA = hub.PersonalAdviser(HubFactory.TenantA);
        using var paB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var person = await paA.RegisterYoungPersonAsync();

        var response = await paB.GetAsync($"/api/young-people/{person.Id}");

        await ExpectAsync(response, HttpStatusCode.NotFound);
        var listed = await paB.GetFromJsonAsync<List<YoungPersonDetails>>("/api/young-people");
        Assert.DoesNotContain(listed!, p => p.Id == person.Id);
        await ExpectAsync(await paA.GetAsync($"/api/young-people/{person.Id}"), HttpStatusCode.OK);
    }
}
