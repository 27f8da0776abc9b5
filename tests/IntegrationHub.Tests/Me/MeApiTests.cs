using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Consents;
using IntegrationHub.Me;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.LegStatusCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.Consents.ConsentSteps;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Me;

/// <summary>The young person's own view under /api/me: their record only, in plain words, every read audited as theirs.</summary>
public class MeApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    const string Summary = "Internal: PA worried about placement breakdown";

    async Task<(Guid Person, ReferralAccepted Referral)> ReferredAsync(HttpClient pa)
    {
        var person = await pa.RegisterYoungPersonAsync();
        await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation, Health, Financial));
        var referral = await pa.MakeReferralAsync(Referral(person.Id, 1, [Accommodation, Health, Financial], Housing, Nhs) with { Summary = Summary });
        return (person.Id, referral);
    }

    [Fact]
    public async Task Young_person_reads_their_record_and_referrals_with_who_holds_which_sections_in_plain_words()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await ReferredAsync(pa);
        using var me = hub.YoungPerson(person);

        var record = await me.GetFromJsonAsync<MyRecord>("/api/me");
        var referrals = await me.GetFromJsonAsync<List<MyReferral>>("/api/me/referrals");

        Assert.Equal(("Jordan", "Example"), (record!.GivenName, record.FamilyName));
        var mine = Assert.Single(referrals!);
        Assert.Equal((referral.Id, "Test pa-1"), (mine.Id, mine.MadeBy));
        var housing = mine.Legs.Single(l => l.Agency == Housing);
        Assert.Equal((Requested, "Sent", true), (housing.Status, housing.StatusInWords, housing.OnConsent));
        Assert.Equal(["Where you live", "Money"], housing.SharedSections.Select(s => s.Name));
        Assert.Equal(["Your health"], mine.Legs.Single(l => l.Agency == Nhs).SharedSections.Select(s => s.Name));
        Assert.False(string.IsNullOrWhiteSpace(housing.Organisation));
        Assert.Equal(2, MyReferral.WhoHolds(referrals!).Count);
    }

    [Fact]
    public async Task Young_person_sees_none_of_the_referrals_notes_or_timeline()
    {
        using var pa = hub.PersonalAdviser();
        var (person, _) = await ReferredAsync(pa);
        using var me = hub.YoungPerson(person);

        var body = await (await me.GetAsync("/api/me/referrals")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(Summary, body, StringComparison.Ordinal);
        Assert.DoesNotContain("timeline", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lawfulBasis", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Young_person_withdraws_consent_the_leg_stops_the_agency_is_told_and_their_adviser_sees_who_withdrew_it()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await ReferredAsync(pa);
        using var me = hub.YoungPerson(person);

        var response = await me.PostAsJsonAsync($"/api/me/consents/{Housing}/withdrawal", new WithdrawConsent("I have somewhere to stay now"));

        await ExpectAsync(response, HttpStatusCode.OK);
        var housing = (await me.GetFromJsonAsync<List<MyReferral>>("/api/me/referrals"))!.Single().Legs.Single(l => l.Agency == Housing);
        Assert.Equal((Cancelled, "Stopped: consent withdrawn"), (housing.Status, housing.StatusInWords));
        var told = await Eventually.WaitAsync(() => Task.FromResult(hub.Agencies.CancelledFor(referral.Id)[Housing]), c => c.Count == 1, "housing to be told");
        Assert.Equal(("Test young person", ConsentService.WithdrawnReason), (told[0].CancelledBy, told[0].Reason));
        Assert.Empty(hub.Agencies.CancelledFor(referral.Id)[Nhs]);

        var withdrawal = (await pa.ConsentsAsync(person)).Of(Housing).Latest.Withdrawal;
        Assert.Equal(("Test young person", HubRoles.YoungPerson, "I have somewhere to stay now"), (withdrawal!.By, withdrawal.ByRole, withdrawal.Reason));
        var myConsents = (await me.GetFromJsonAsync<List<AgencyConsent>>("/api/me/consents"))!;
        Assert.Equal(ConsentStatuses.Withdrawn, myConsents.Of(Housing).Status);
        Assert.Equal(ConsentStatuses.Given, myConsents.Of(Nhs).Status);
    }

    [Fact]
    public async Task Young_person_reaches_only_their_own_record_and_anothers_is_not_found()
    {
        using var pa = hub.PersonalAdviser();
        var (mine, _) = await ReferredAsync(pa);
        var (theirs, theirReferral) = await ReferredAsync(pa);
        using var me = hub.YoungPerson(mine);
        var before = await hub.CountRowsAsync();

        await ExpectAsync(await me.GetAsync($"/api/young-people/{theirs}/consents"), HttpStatusCode.NotFound);
        await ExpectAsync(await me.PostAsync($"/api/young-people/{theirs}/consents/{Housing}/withdrawal", null), HttpStatusCode.NotFound);
        await ExpectAsync(await me.GetAsync($"/api/young-people/{theirs}"), HttpStatusCode.Forbidden);
        await ExpectAsync(await me.GetAsync($"/api/referrals/{theirReferral.Id}"), HttpStatusCode.Forbidden);
        await ExpectAsync(await me.PostAsJsonAsync($"/api/young-people/{mine}/consents", NewConsent(Dwp)), HttpStatusCode.Forbidden);

        Assert.Equal(before, await hub.CountRowsAsync());
        Assert.Equal(ConsentStatuses.Given, (await pa.ConsentsAsync(theirs)).Of(Housing).Status);
        Assert.Equal(2, (await me.GetFromJsonAsync<List<AgencyConsent>>($"/api/young-people/{mine}/consents"))!.Count);
    }

    [Fact]
    public async Task Young_person_bound_to_a_record_of_another_local_authority_or_to_none_finds_nothing()
    {
        using var paOfB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var (inB, _) = await ReferredAsync(paOfB);

        foreach (var me in new[] { hub.YoungPerson(inB, HubFactory.TenantA), hub.YoungPerson(Guid.NewGuid()) })
        {
            using (me)
            {
                foreach (var path in new[] { "/api/me", "/api/me/referrals", "/api/me/consents" })
                {
                    await ExpectAsync(await me.GetAsync(path), HttpStatusCode.NotFound);
                }

                await ExpectAsync(await me.PostAsync($"/api/me/consents/{Housing}/withdrawal", null), HttpStatusCode.NotFound);
            }
        }

        Assert.Equal(ConsentStatuses.Given, (await paOfB.ConsentsAsync(inB)).Of(Housing).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-record-id")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Young_person_token_without_a_valid_young_person_claim_is_refused(string? claim)
    {
        using var pa = hub.PersonalAdviser();
        var (person, _) = await ReferredAsync(pa);
        using var client = hub.CreateClient(YoungPersonToken(claim));

        foreach (var path in new[] { "/api/me", "/api/me/referrals", "/api/me/consents", $"/api/young-people/{person}/consents" })
        {
            await ExpectAsync(await client.GetAsync(path), HttpStatusCode.Forbidden);
        }

        await ExpectAsync(await client.PostAsync($"/api/me/consents/{Housing}/withdrawal", null), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Personal_adviser_cannot_use_the_young_persons_own_view()
    {
        using var pa = hub.PersonalAdviser();

        await ExpectAsync(await pa.GetAsync("/api/me"), HttpStatusCode.Forbidden);
        await ExpectAsync(await pa.GetAsync("/api/me/referrals"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Every_read_of_their_own_view_is_audited_as_the_young_persons_own()
    {
        using var pa = hub.PersonalAdviser();
        var (person, _) = await ReferredAsync(pa);
        using var me = hub.YoungPerson(person);
        var already = await hub.QueryAsync(db => db.Audit.CountAsync(a => a.YoungPersonId == person));

        await me.GetFromJsonAsync<MyRecord>("/api/me");
        await me.GetFromJsonAsync<List<MyReferral>>("/api/me/referrals");
        await me.GetFromJsonAsync<List<AgencyConsent>>("/api/me/consents");

        var reads = await hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == person).OrderBy(a => a.At).ThenBy(a => a.Id).Skip(already).ToListAsync());
        Assert.Equal(["young-person", "referrals", "consents"], reads.Select(a => a.ResourceType));
        Assert.All(reads, a => Assert.Equal(($"yp-{person:N}", HubRoles.YoungPerson, AuditBases.OwnRecord), (a.ActorId, a.ActorRole, a.Basis)));
    }

    /// <summary>A young person's token as an identity provider might wrongly issue it: a role, and a claim that names no record.</summary>
    string YoungPersonToken(string? claim)
    {
        var issuer = hub.Services.GetRequiredService<LocalTokenIssuer>();
        var claims = new Dictionary<string, object>
        {
            ["oid"] = "yp-unbound",
            ["sub"] = "yp-unbound",
            ["name"] = "Unbound young person",
            ["roles"] = new[] { HubRoles.YoungPerson },
            ["tid"] = HubFactory.EntraTenantId,
            [HubClaims.LocalAuthority] = HubFactory.TenantA,
        };
        if (claim is not null)
        {
            claims[HubClaims.YoungPerson] = claim;
        }

        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer,
            Audience = issuer.Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(issuer.SigningKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
    }
}
