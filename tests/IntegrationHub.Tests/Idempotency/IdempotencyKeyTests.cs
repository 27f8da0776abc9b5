using System.Net;
using System.Text.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;
using static IntegrationHub.Tests.Idempotency.Keyed;

namespace IntegrationHub.Tests.Idempotency;

/// <summary>
/// <c>POST /api/referrals</c> under an <c>Idempotency-Key</c>: a repeat of the same request gets the first response and
/// makes nothing more, however many come at once; the key used for another request is a 409; a bad key is a 400.
/// </summary>
public sealed class IdempotencyKeyTests(HubFactory hub) : IClassFixture<HubFactory>
{
    const string Referrals = "/api/referrals";

    /// <summary>A young person with a plan, and a sound referral of them to the NHS.</summary>
    async Task<MakeReferral> ReferralAsync(HttpClient pa)
    {
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Health, Accommodation));
        return Referral(person.Id, plan.Number, [Health], Nhs);
    }

    Task<int> ReferralsOfAsync(Guid youngPersonId) => hub.QueryAsync(db => db.Referrals.CountAsync(r => r.YoungPersonId == youngPersonId));

    [Fact]
    public async Task Same_key_and_body_give_the_first_response_again_and_make_one_referral()
    {
        using var pa = hub.PersonalAdviser();
        var referral = await ReferralAsync(pa);
        var key = NewKey();

        var first = await pa.PostAsync(Referrals, referral, key);
        var again = await pa.PostAsync(Referrals, referral, key);

        await ExpectAsync(first, HttpStatusCode.Accepted);
        Assert.False(first.IsReplayed());
        Assert.True(again.IsReplayed());
        Assert.Equal(await first.SeenAsync(), await again.SeenAsync());
        Assert.Equal(first.Content.Headers.ContentType, again.Content.Headers.ContentType);
        Assert.Equal(1, await ReferralsOfAsync(referral.YoungPersonId!.Value));
        var made = JsonSerializer.Deserialize<ReferralAccepted>(await first.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        Assert.Equal(1, await hub.QueryAsync(db => db.Outbox.CountAsync(m => m.Body.Contains(made.Id.ToString()))));
    }

    [Fact]
    public async Task Another_body_under_a_used_key_is_a_409_naming_the_header_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var referral = await ReferralAsync(pa);
        var key = NewKey();
        await ExpectAsync(await pa.PostAsync(Referrals, referral, key), HttpStatusCode.Accepted);
        var before = await hub.CountRowsAsync();

        var other = await pa.PostAsync(Referrals, referral with { Summary = "Another referral altogether" }, key);

        await ExpectAsync(other, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await other.Content.ReadAsStringAsync());
        Assert.Contains(KeyHeader, problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(key, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(other.IsReplayed());
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Theory]
    [InlineData("a-key-of-101-characters-is-one-too-many-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("clé-non-ascii")]
    [InlineData("control\u0001character")]
    [InlineData("delete\u007f")]
    public async Task A_key_that_is_not_1_to_100_printable_ascii_characters_is_a_400_naming_the_header_and_changes_nothing(string key)
    {
        using var pa = hub.PersonalAdviser();
        var referral = await ReferralAsync(pa);
        var before = await hub.CountRowsAsync();

        await ExpectFieldErrorAsync(await pa.PostAsync(Referrals, referral, key), KeyHeader);

        Assert.Equal(before, await hub.CountRowsAsync());
        Assert.Equal(0, await ReferralsOfAsync(referral.YoungPersonId!.Value));
    }

    [Fact]
    public async Task A_key_of_100_printable_characters_is_taken()
    {
        using var pa = hub.PersonalAdviser();
        var key = $"{NewKey()} ~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{{|}}";

        var response = await pa.PostAsync(Referrals, await ReferralAsync(pa), key.PadRight(100, 'k'));

        await ExpectAsync(response, HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Without_a_key_each_request_makes_its_own_referral()
    {
        using var pa = hub.PersonalAdviser();
        var referral = await ReferralAsync(pa);

        var first = await pa.PostAsync(Referrals, referral, key: null);
        var second = await pa.PostAsync(Referrals, referral, key: null);

        await ExpectAsync(first, HttpStatusCode.Accepted);
        await ExpectAsync(second, HttpStatusCode.Accepted);
        Assert.False(second.IsReplayed());
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2, await ReferralsOfAsync(referral.YoungPersonId!.Value));
    }

    [Fact]
    public async Task A_refused_first_attempt_is_not_kept_so_the_key_can_be_used_again()
    {
        using var pa = hub.PersonalAdviser();
        var referral = await ReferralAsync(pa);
        var key = NewKey();

        await ExpectFieldErrorAsync(await pa.PostAsync(Referrals, referral with { Sections = [] }, key), "sections");
        var corrected = await pa.PostAsync(Referrals, referral, key);

        await ExpectAsync(corrected, HttpStatusCode.Accepted);
        Assert.False(corrected.IsReplayed());
        Assert.Equal(1, await ReferralsOfAsync(referral.YoungPersonId!.Value));
    }

    [Fact]
    public async Task A_key_is_the_callers_own_and_the_endpoints_own()
    {
        using var pa = hub.PersonalAdviser();
        using var colleague = hub.PersonalAdviser(userId: "pa-2");
        var referral = await ReferralAsync(pa);
        var key = NewKey();

        var mine = await pa.PostAsync(Referrals, referral, key);
        var theirs = await colleague.PostAsync(Referrals, referral, key);
        var registered = await pa.PostAsync("/api/young-people", NewYoungPerson(), key);

        await ExpectAsync(mine, HttpStatusCode.Accepted);
        await ExpectAsync(theirs, HttpStatusCode.Accepted);
        await ExpectAsync(registered, HttpStatusCode.Created);
        Assert.False(theirs.IsReplayed() || registered.IsReplayed());
        Assert.Equal(2, await ReferralsOfAsync(referral.YoungPersonId!.Value));
    }

    [Fact]
    public async Task Fifty_concurrent_repeats_of_one_key_make_one_referral_and_all_get_the_first_response()
    {
        using var pa = hub.PersonalAdviser();
        var referral = await ReferralAsync(pa);
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => pa.PostAsync(Referrals, referral, key)));

        var seen = await Task.WhenAll(responses.Select(r => r.SeenAsync()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(seen.Distinct());
        Assert.Single(responses, r => !r.IsReplayed());
        Assert.Equal(1, await ReferralsOfAsync(referral.YoungPersonId!.Value));
    }

    [Fact]
    public async Task A_repeat_is_audited_as_a_read_of_what_its_response_shows()
    {
        using var pa = hub.PersonalAdviser();
        var key = NewKey();
        var registration = NewYoungPerson();
        var first = await pa.PostAsync("/api/young-people", registration, key);
        await ExpectAsync(first, HttpStatusCode.Created);
        var person = JsonSerializer.Deserialize<YoungPersonDetails>(await first.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;

        var again = await pa.PostAsync("/api/young-people", registration, key);

        Assert.True(again.IsReplayed());
        var entries = await hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == person.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [(AuditActions.Write, "young-person", "pa-1"), (AuditActions.Read, "young-person", "pa-1")],
            entries.Select(a => (a.Action, a.ResourceType, a.ActorId)));
        Assert.Equal(person.Id.ToString(), entries[1].ResourceId);
    }
}
