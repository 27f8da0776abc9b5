using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;

namespace IntegrationHub.Tests;

/// <summary>What a Personal Adviser's client does, step by step, with the hub's own request and response types.</summary>
public static class HubApi
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A valid registration; the tests change one field at a time with <c>with</c>.</summary>
    public static RegisterYoungPerson NewYoungPerson(DateOnly? dateOfBirth = null) => new(
        GivenName: "Jordan",
        FamilyName: "Example",
        DateOfBirth: dateOfBirth ?? Today.AddYears(-19).AddMonths(-3),
        Email: "jordan@example.org",
        Phone: "07700 900123",
        AddressLine: "1 Test Street",
        Postcode: "AB1 2CD",
        LocalAuthorityPersonId: $"LA-{Guid.NewGuid():N}"[..20],
        NhsNumber: "9434765919",
        NationalInsuranceNumber: "AB123456C",
        Crn: "X123456");

    /// <summary>Someone who is exactly <paramref name="age"/> today.</summary>
    public static DateOnly BornYearsAgo(int age) => Today.AddYears(-age);

    public static NewPlanSection Section(string code, string need) =>
        new(code, [need], [$"Action for {code}"], "Personal Adviser", Today.AddMonths(3));

    public static CreatePlanVersion Plan(params string[] codes) => new([.. codes.Select(c => Section(c, $"Need in {c}"))]);

    public static LawfulBasisInput Consent() => new("consent", "PA Test", DateTimeOffset.UtcNow.AddMinutes(-5), "Signed consent form");

    /// <summary>A reason for referring written for this agency alone: no other agency's reason contains it.</summary>
    public static string ReasonFor(string? agency) => $"Why we refer to {agency}, written for {agency} alone.";

    /// <summary>One agency of a referral, with its own reason.</summary>
    public static ReferralAgency To(string? agency, LawfulBasisInput? lawfulBasis, DutyToReferConsents? dutyToReferConsents = null) =>
        new(agency, ReasonFor(agency), lawfulBasis, dutyToReferConsents);

    public static MakeReferral Referral(Guid youngPersonId, int planVersion, string[] sections, params string[] agencies) => new(
        youngPersonId, planVersion, "Moving on from supported lodgings", [.. sections], [.. agencies.Select(a => To(a, Consent()))]);

    public static async Task<YoungPersonDetails> RegisterYoungPersonAsync(this HttpClient client, RegisterYoungPerson? request = null)
    {
        var response = await client.PostAsJsonAsync("/api/young-people", request ?? NewYoungPerson());
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<YoungPersonDetails>())!;
    }

    public static async Task<PlanVersionDetails> CreatePlanVersionAsync(this HttpClient client, Guid youngPersonId, CreatePlanVersion plan)
    {
        var response = await client.PostAsJsonAsync($"/api/young-people/{youngPersonId}/pathway-plan/versions", plan);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<PlanVersionDetails>())!;
    }

    public static async Task<ReferralAccepted> MakeReferralAsync(this HttpClient client, MakeReferral referral)
    {
        var response = await client.PostAsJsonAsync("/api/referrals", referral);
        await ExpectAsync(response, HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<ReferralAccepted>())!;
    }

    /// <summary>Registers a young person, gives them a plan with these sections and refers those sections to these agencies.</summary>
    public static async Task<(YoungPersonDetails Person, ReferralAccepted Referral)> ReferAsync(
        this HttpClient client, string[] sections, params string[] agencies)
    {
        var person = await client.RegisterYoungPersonAsync();
        var plan = await client.CreatePlanVersionAsync(person.Id, Plan(sections));
        var referral = await client.MakeReferralAsync(Referral(person.Id, plan.Number, sections, agencies));
        return (person, referral);
    }

    public static async Task<ReferralDetails> GetReferralAsync(this HttpClient client, Guid referralId)
    {
        var response = await client.GetAsync($"/api/referrals/{referralId}");
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<ReferralDetails>())!;
    }

    /// <summary>Polls the referral until it satisfies the condition the test then asserts.</summary>
    public static Task<ReferralDetails> WaitForReferralAsync(this HttpClient client, Guid referralId, Func<ReferralDetails, bool> until, string what) =>
        Eventually.WaitAsync(() => client.GetReferralAsync(referralId), until, what);

    public static LegDetails LegOf(this ReferralDetails referral, string agency) => referral.Legs.Single(l => l.Agency == agency);

    public static Guid LegIdOf(this ReferralAccepted referral, string agency) => referral.Legs.Single(l => l.Agency == agency).Id;

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Asserts a 400 problem details response whose <c>errors</c> names the field, and returns the field's messages.</summary>
    public static async Task<string[]> ExpectFieldErrorAsync(HttpResponseMessage response, string field)
    {
        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors), $"No 'errors' in {problem.RootElement}");
        var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(errors.TryGetProperty(field, out var messages), $"'errors' names [{string.Join(", ", fields)}], not '{field}'.");
        return [.. messages.EnumerateArray().Select(m => m.GetString()!)];
    }

    /// <summary>A request made as part of one user action, under its correlation id; with none, the hub makes the request an action of its own.</summary>
    public static HttpRequestMessage ActionRequest(HttpMethod method, string url, string? correlationId, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }

        return request;
    }

    /// <summary>Asserts a 403 problem details response and returns its detail, the words saying what the caller may do.</summary>
    public static async Task<string> ExpectForbiddenAsync(HttpResponseMessage response)
    {
        await ExpectAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(403, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    public static LegAcknowledged Acknowledged(LegRequested leg) =>
        new(Guid.NewGuid(), leg.LegId, leg.Agency, $"{leg.Agency} worker", DateTimeOffset.UtcNow, $"{leg.Agency.ToUpperInvariant()}-REF-1");

    public static LegAccepted Accepted(LegRequested leg) =>
        new(Guid.NewGuid(), leg.LegId, leg.Agency, $"{leg.Agency} worker", DateTimeOffset.UtcNow, "Taken on");
}
