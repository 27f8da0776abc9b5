using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.ServiceDefaults;

public class ServiceDefaultsTests(HubFactory hub) : IClassFixture<HubFactory>
{
    const string Header = "X-Correlation-Id";

    [Fact]
    public async Task Correlation_id_given_by_the_caller_comes_back()
    {
        using var pa = hub.PersonalAdviser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/young-people");
        request.Headers.Add(Header, "test-123");

        var response = await pa.SendAsync(request);

        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(["test-123"], response.Headers.GetValues(Header));
    }

    [Fact]
    public async Task Request_without_a_correlation_id_gets_a_new_one()
    {
        using var client = hub.CreateClient();

        var first = await client.GetAsync("/health/live");
        var second = await client.GetAsync("/health/live");

        var firstId = Assert.Single(first.Headers.GetValues(Header));
        var secondId = Assert.Single(second.Headers.GetValues(Header));
        Assert.False(string.IsNullOrWhiteSpace(firstId));
        Assert.NotEqual(firstId, secondId);
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("<script>")]
    public async Task Unsafe_correlation_id_is_replaced(string offered)
    {
        using var client = hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation(Header, offered);

        var response = await client.SendAsync(request);

        var returned = Assert.Single(response.Headers.GetValues(Header));
        Assert.NotEqual(offered, returned);
        Assert.Matches("^[A-Za-z0-9]+$", returned);
    }

    [Fact]
    public async Task Problem_details_carry_the_correlation_id()
    {
        using var pa = hub.PersonalAdviser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/young-people")
        {
            Content = JsonContent.Create(NewYoungPerson() with { Crn = "bad" }),
        };
        request.Headers.Add(Header, "problem-42");

        var response = await pa.SendAsync(request);

        await ExpectFieldErrorAsync(response, "crn");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("problem-42", problem.RootElement.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Liveness_answers_without_a_token()
    {
        using var anonymous = hub.CreateClient();

        var response = await anonymous.GetAsync("/health/live");

        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_without_a_token_and_names_each_check()
    {
        using var anonymous = hub.CreateClient();

        var response = await anonymous.GetAsync("/health/ready");

        await ExpectAsync(response, HttpStatusCode.OK);
        var readiness = await response.Content.ReadFromJsonAsync<IntegrationHub.ServiceDefaults.ServiceDefaultsExtensions.Readiness>();
        Assert.Equal("Healthy", readiness!.Status);
        Assert.Contains(readiness.Checks, c => c.Name == "database" && c.Status == "Healthy");
        Assert.Contains(readiness.Checks, c => c.Name == "outbox" && c.Status == "Healthy");
    }

    [Theory]
    [InlineData("\\u0000", "holds a NUL character")]
    [InlineData("Sam\\u0000", "holds a NUL character")]
    [InlineData("\\ud800", "is not of the type")]
    public async Task Text_a_database_cannot_keep_is_a_400_naming_the_field_and_registers_nobody(string escaped, string why)
    {
        using var pa = hub.PersonalAdviser();
        var before = await hub.CountRowsAsync();
        var body = JsonSerializer.Serialize(NewYoungPerson(), JsonSerializerOptions.Web).Replace("\"givenName\":\"Jordan\"", $"\"givenName\":\"{escaped}\"", StringComparison.Ordinal);

        var response = await pa.PostAsync("/api/young-people", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains(why, Assert.Single(problem!.Errors["givenName"]), StringComparison.Ordinal);
        Assert.Equal(before, await hub.CountRowsAsync());
    }
}
