using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.Consents.ConsentSteps;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Consents;

/// <summary>A Personal Adviser records consent per agency, with the day it was given, its evidence and review date; each read is audited.</summary>
public class ConsentRecordingTests(HubFactory hub) : IClassFixture<HubFactory>
{
    Task<int> ConsentCountAsync() => hub.QueryAsync(db => db.Consents.CountAsync());

    [Fact]
    public async Task Personal_adviser_records_consent_with_the_day_it_was_given_not_today_and_reads_it_back()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var given = Today.AddDays(-20);

        var recorded = await pa.RecordConsentAsync(person.Id, new RecordConsent(Housing, given, "Signed form in case file", Today.AddMonths(6)));

        var housing = Assert.Single(await pa.ConsentsAsync(person.Id));
        Assert.Equal((Housing, ConsentStatuses.Given, false), (housing.Agency, housing.Status, housing.DueForReview));
        var consent = Assert.Single(housing.History);
        Assert.Equal(recorded, consent);
        Assert.Equal((given, "Signed form in case file", Today.AddMonths(6), "Test pa-1"), (consent.GivenOn, consent.Evidence, consent.ReviewOn, consent.RecordedBy));
        Assert.True(consent.RecordedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Consent_whose_review_date_has_come_is_flagged_for_review()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();

        await pa.RecordConsentAsync(person.Id, new RecordConsent(Nhs, Today.AddMonths(-7), "Verbal, witnessed by the CAMHS nurse", Today.AddDays(-1)));
        await pa.RecordConsentAsync(person.Id, NewConsent(Dwp));

        var consents = await pa.ConsentsAsync(person.Id);
        Assert.True(consents.Of(Nhs).DueForReview);
        Assert.False(consents.Of(Dwp).DueForReview);
    }

    public static TheoryData<string, string, Func<RecordConsent, RecordConsent>> BadConsents => new()
    {
        { "no agency", "agency", c => c with { Agency = null } },
        { "unknown agency", "agency", c => c with { Agency = "police" } },
        { "no day given", "givenOn", c => c with { GivenOn = null } },
        { "given in the future", "givenOn", c => c with { GivenOn = Today.AddDays(1), ReviewOn = Today.AddMonths(6) } },
        { "no evidence", "evidence", c => c with { Evidence = "  " } },
        { "evidence too long", "evidence", c => c with { Evidence = new string('x', 2001) } },
        { "no review date", "reviewOn", c => c with { ReviewOn = null } },
        { "reviewed before it was given", "reviewOn", c => c with { ReviewOn = c.GivenOn } },
    };

    [Theory]
    [MemberData(nameof(BadConsents))]
    public async Task Bad_consent_names_its_field_and_records_nothing(string why, string field, Func<RecordConsent, RecordConsent> spoil)
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var before = await ConsentCountAsync();

        var response = await pa.PostAsJsonAsync($"/api/young-people/{person.Id}/consents", spoil(NewConsent(Housing)));

        Assert.NotEmpty(await ExpectFieldErrorAsync(response, field));
        Assert.True(before == await ConsentCountAsync(), $"A consent with {why} was recorded.");
    }

    [Fact]
    public async Task A_referral_on_consent_with_none_recorded_records_the_consent_its_lawful_basis_gives()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation, Health], Housing, Nhs);

        var consents = await pa.ConsentsAsync(person.Id);

        Assert.Equal([Housing, Nhs], consents.Select(c => c.Agency).Order());
        var leg = (await pa.GetReferralAsync(referral.Id)).LegOf(Housing);
        var consent = Assert.Single(consents.Of(Housing).History);
        Assert.Equal((leg.LawfulBasis.RecordedBy, leg.LawfulBasis.RecordedAt, leg.LawfulBasis.Evidence), (consent.RecordedBy, consent.RecordedAt, consent.Evidence));
        Assert.Equal(DateOnly.FromDateTime(leg.LawfulBasis.RecordedAt.UtcDateTime), consent.GivenOn);
        Assert.Equal(consent.GivenOn.AddMonths(6), consent.ReviewOn);
    }

    [Fact]
    public async Task A_referral_on_consent_rests_on_the_recorded_consent_and_need_not_say_who_recorded_it()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation));
        var recorded = await pa.RecordConsentAsync(person.Id, NewConsent(Housing, "Signed at the pathway plan review"));

        var referral = await pa.MakeReferralAsync(Referral(person.Id, 1, [Accommodation]) with
        {
            Agencies = [To(Housing, new LawfulBasisInput(LawfulBases.Consent, null, null, null))],
        });

        var basis = (await pa.GetReferralAsync(referral.Id)).LegOf(Housing).LawfulBasis;
        Assert.Equal((LawfulBases.Consent, recorded.RecordedBy, recorded.RecordedAt, recorded.Evidence), (basis.Basis, basis.RecordedBy, basis.RecordedAt, basis.Evidence));
        Assert.Single((await pa.ConsentsAsync(person.Id)).Of(Housing).History);
    }

    [Fact]
    public async Task Another_local_authoritys_personal_adviser_finds_no_consents_to_read_record_or_withdraw()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);
        using var paOfB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var before = await hub.CountRowsAsync();
        var consents = await ConsentCountAsync();

        await ExpectAsync(await paOfB.GetAsync($"/api/young-people/{person.Id}/consents"), HttpStatusCode.NotFound);
        await ExpectAsync(await paOfB.PostAsJsonAsync($"/api/young-people/{person.Id}/consents", NewConsent(Nhs)), HttpStatusCode.NotFound);
        await ExpectAsync(await paOfB.PostAsync($"/api/young-people/{person.Id}/consents/{Housing}/withdrawal", null), HttpStatusCode.NotFound);

        Assert.Equal(before, await hub.CountRowsAsync());
        Assert.Equal(consents, await ConsentCountAsync());
        Assert.Equal(LegStatusCodes.Requested, (await pa.GetReferralAsync(referral.Id)).LegOf(Housing).Status);
    }

    [Fact]
    public async Task Every_read_of_consents_is_audited_as_the_personal_advisers_statutory_read()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        await pa.RecordConsentAsync(person.Id, NewConsent(Housing));

        await pa.ConsentsAsync(person.Id);
        await pa.WithdrawConsentAsync(person.Id, Housing);

        var reads = await hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == person.Id && a.ResourceType == "consents").ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, a => Assert.Equal(("pa-1", HubRoles.PersonalAdviser, AuditBases.PublicTask, HubFactory.TenantA), (a.ActorId, a.ActorRole, a.Basis, a.TenantId)));
    }

    [Fact]
    public async Task A_subject_access_report_holds_every_consent_and_its_withdrawal()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        await pa.RecordConsentAsync(person.Id, NewConsent(Housing, "Signed form in case file"));
        await pa.WithdrawConsentAsync(person.Id, Housing, "Changed their mind");
        await pa.RecordConsentAsync(person.Id, NewConsent(Housing, "Verbal, at the review"));
        using var dpo = hub.DataProtectionOfficer();

        var report = (await dpo.GetFromJsonAsync<IntegrationHub.SubjectAccess.SubjectAccessReport>($"/api/young-people/{person.Id}/subject-access"))!;
        var document = await dpo.GetStringAsync($"/api/young-people/{person.Id}/subject-access?format=html");

        Assert.Equal(["Signed form in case file", "Verbal, at the review"], report.Consents.Select(c => c.Evidence));
        Assert.Equal("Changed their mind", report.Consents[0].Withdrawal?.Reason);
        Assert.Null(report.Consents[1].Withdrawal);
        Assert.Contains("Your consents to share", document, StringComparison.Ordinal);
        Assert.Contains("Changed their mind", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_adviser_cannot_cancel_with_the_withdrawn_consent_kind_which_only_a_withdrawal_records()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);

        var response = await pa.PostAsJsonAsync(
            $"/api/referrals/{referral.Id}/legs/{referral.LegIdOf(Nhs)}/cancellation", new CancelRequest("Changed their mind", CancellationKinds.ConsentWithdrawn));

        await ExpectFieldErrorAsync(response, "kind");
        Assert.Equal(LegStatusCodes.Requested, (await pa.GetReferralAsync(referral.Id)).LegOf(Nhs).Status);
    }
}
