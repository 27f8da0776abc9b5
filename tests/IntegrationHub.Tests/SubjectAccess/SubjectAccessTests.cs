using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using IntegrationHub.SubjectAccess;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;
using BoardCase = IntegrationHub.Tests.Board.Decisions.BoardCase;

namespace IntegrationHub.Tests.SubjectAccess;

public sealed class SubjectAccessTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static string ReportOf(Guid youngPersonId) => $"/api/young-people/{youngPersonId}/subject-access";

    [Fact]
    public async Task A_subject_access_report_holds_the_record_plans_referrals_and_each_disclosure()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation, Health], Housing, Nhs);
        var leg = await Eventually.WaitAsync(() => hub.Agencies.RequestedAt(Nhs).Where(l => l.ReferralId == referral.Id).ToList(), l => l.Count == 1, "the NHS leg");
        await hub.Bus.Publish(Accepted(leg[0]));
        var sent = await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Nhs).Status == LegStatusCodes.Accepted, "the NHS to accept");
        using var nhs = hub.AgencyWorker(Nhs, userId: "gp-reader");
        await ExpectAsync(await nhs.GetAsync($"/api/legs/{referral.LegIdOf(Nhs)}"), HttpStatusCode.OK);
        using var dpo = hub.DataProtectionOfficer();

        var report = (await dpo.GetFromJsonAsync<SubjectAccessReport>(ReportOf(person.Id)))!;

        Assert.Equal((person.Id, person.GivenName, person.NhsNumber, "pa-1"), (report.Person.Details.Id, report.Person.Details.GivenName, report.Person.Details.NhsNumber, report.Person.CreatedBy));
        Assert.Equal([Accommodation, Health], Assert.Single(report.PlanVersions).Sections.Select(s => s.Code));
        var referralReport = Assert.Single(report.Referrals);
        Assert.Equal(referral.Id, referralReport.Id);
        Assert.Contains(referralReport.Timeline, t => t.Kind == "leg-requested" && t.Agency == Nhs);
        Assert.Equal(2, report.Disclosures.Count);
        foreach (var agency in new[] { Housing, Nhs })
        {
            var disclosure = Assert.Single(report.Disclosures, d => d.Agency == agency);
            var legSent = sent.LegOf(agency);
            Assert.Equal(legSent.Recipient, disclosure.Recipient);
            Assert.False(string.IsNullOrWhiteSpace(disclosure.Recipient.Name));
            Assert.Equal(legSent.SharedSections, disclosure.SharedSections);
            Assert.Equal(ReasonFor(agency), disclosure.Reason);
            Assert.Equal("consent", disclosure.LawfulBasis.Basis);
            Assert.Equal(legSent.Status, disclosure.Status);
            Assert.Contains(disclosure.SharedIdentifiers, i => i.Type == IdentifierTypes.LocalAuthorityPersonId);
        }

        Assert.Contains(Health, Assert.Single(report.Disclosures, d => d.Agency == Nhs).SharedSections);
        Assert.Contains(report.Reads, r => r.ActorId == "gp-reader" && r.Agency == Nhs && r.ResourceType == "leg" && r.Basis == "consent");
    }

    [Fact]
    public async Task The_report_holds_their_own_words_put_to_the_board_and_the_actions_it_decided()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        const string words = "I want to stay near my college, not be moved across the county.";
        using var pa = hub.PersonalAdviser();
        await ExpectAsync(
            await pa.PutAsJsonAsync($"/api/board/case-papers/{boardCase.Escalation.Id}/young-persons-words", new RecordYoungPersonsWords(words, Today, "Signed at the review meeting.")),
            HttpStatusCode.OK);
        var decision = await boardCase.DecideAsync(hub, Today.AddDays(14));
        using var dpo = hub.DataProtectionOfficer();

        var report = (await dpo.GetFromJsonAsync<SubjectAccessReport>(ReportOf(boardCase.Person.Id)))!;

        var paper = Assert.Single(report.CasePapers);
        Assert.Equal((boardCase.Escalation.Id, words, Today, "Signed at the review meeting."), (paper.EscalationId, paper.Words, paper.WordsAgreedOn, paper.WordsAgreementEvidence));
        var action = Assert.Single(report.BoardActions);
        Assert.Equal((decision.Id, boardCase.Escalation.Id, Today.AddDays(14)), (action.Id, action.EscalationId, action.DueOn));

        var html = await dpo.GetStringAsync($"{ReportOf(boardCase.Person.Id)}?format=html");
        Assert.Contains(WebUtility.HtmlEncode(words), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(action.Action), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_as_a_document_is_html_with_the_young_persons_name_and_each_organisation()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation, Health], Housing, Nhs);
        var sent = await pa.GetReferralAsync(referral.Id);
        using var dpo = hub.DataProtectionOfficer();
        using var request = new HttpRequestMessage(HttpMethod.Get, ReportOf(person.Id));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var response = await dpo.SendAsync(request);

        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"{person.GivenName} {person.FamilyName}", html, StringComparison.Ordinal);
        Assert.All(sent.Legs, l => Assert.Contains(WebUtility.HtmlEncode(l.Recipient.Name), html, StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Asking_for_html_by_the_format_field_gives_the_document_and_json_stays_the_default()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson() with { GivenName = "<b>Rowan</b>" });
        using var dpo = hub.DataProtectionOfficer();

        var html = await dpo.GetStringAsync($"{ReportOf(person.Id)}?format=html");
        var json = await dpo.GetAsync(ReportOf(person.Id));

        Assert.Contains("&lt;b&gt;Rowan&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Rowan", html, StringComparison.Ordinal);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Another_councils_young_person_is_not_found()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        using var dpoB = hub.DataProtectionOfficer(HubFactory.TenantB);

        await ExpectAsync(await dpoB.GetAsync(ReportOf(person.Id)), HttpStatusCode.NotFound);
        await ExpectAsync(await dpoB.GetAsync(ReportOf(Guid.NewGuid())), HttpStatusCode.NotFound);
        Assert.Empty(await hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == person.Id && a.Action == AuditActions.Read).ToListAsync()));
    }

    [Fact]
    public async Task Only_a_data_protection_officer_may_ask()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();

        await ExpectAsync(await pa.GetAsync(ReportOf(person.Id)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_naming_the_field()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        using var dpo = hub.DataProtectionOfficer();

        var messages = await ExpectFieldErrorAsync(await dpo.GetAsync($"{ReportOf(person.Id)}?format=pdf"), "format");

        Assert.Contains(messages, m => m.Contains("html", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_officers_request_is_itself_audited()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        await ExpectAsync(await pa.GetAsync($"/api/young-people/{person.Id}"), HttpStatusCode.OK);
        using var dpo = hub.DataProtectionOfficer();

        var first = (await dpo.GetFromJsonAsync<SubjectAccessReport>(ReportOf(person.Id)))!;
        var second = (await dpo.GetFromJsonAsync<SubjectAccessReport>(ReportOf(person.Id)))!;

        Assert.Equal(["young-person"], first.Reads.Select(r => r.ResourceType));
        Assert.Equal(["young-person", "subject-access"], second.Reads.Select(r => r.ResourceType));
        var entries = await hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == person.Id && a.ResourceType == "subject-access").ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(
            ($"dpo-{HubFactory.TenantA}", HubRoles.DataProtectionOfficer, HubFactory.TenantA, AuditBases.LegalObligation, person.Id.ToString()),
            (e.ActorId, e.ActorRole, e.TenantId, e.Basis, e.ResourceId)));
    }
}
