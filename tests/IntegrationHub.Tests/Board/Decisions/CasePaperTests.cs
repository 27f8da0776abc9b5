using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Board.Decisions;

/// <summary>
/// The board's case paper: anonymous whatever is written for it, the favoured resolution a team manager or head of
/// service proposes, the young person's words only with their agreement recorded, and every read audited.
/// </summary>
public sealed class CasePaperTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static async Task<string> PaperAsync(HttpClient client, Guid escalationId, string? correlationId = null)
    {
        using var request = ActionRequest(HttpMethod.Get, $"/api/board/case-papers/{escalationId}", correlationId);
        var response = await client.SendAsync(request);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    static void AssertAnonymous(string paper, BoardCase boardCase)
    {
        var born = boardCase.Person.DateOfBirth;
        foreach (var identifying in new[]
        {
            boardCase.Person.GivenName, boardCase.Person.FamilyName, born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            born.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), "Test Street", "AB1 2CD",
        })
        {
            Assert.DoesNotContain(identifying, paper, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_paper_never_holds_the_young_persons_name_or_date_of_birth_and_leaves_their_words_out_without_agreement()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        using var headOfService = BoardCase.Manager(hub, HubRoles.HeadOfService);
        await ExpectAsync(
            await headOfService.PutAsJsonAsync($"/api/board/case-papers/{boardCase.Escalation.Id}/favoured-resolution", new ProposeResolution("Housing to accept the relief duty and offer supported lodgings.")),
            HttpStatusCode.OK);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        var json = await PaperAsync(board, boardCase.Escalation.Id);

        AssertAnonymous(json, boardCase);
        var paper = System.Text.Json.JsonSerializer.Deserialize<CasePaperView>(json, System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal(("18-20", "Housing to accept the relief duty and offer supported lodgings.", HubRoles.HeadOfService),
            (paper.AgeBand, paper.FavouredResolution?.Text, paper.FavouredResolution?.ProposedByRole));
        Assert.Null(paper.YoungPersonsWords);
        Assert.Equal(BoardDecisionService.WordsNotAgreed, paper.WordsAbsentBecause);
        Assert.Single(paper.Legs);
    }

    [Fact]
    public async Task The_young_persons_words_are_on_the_paper_once_their_agreement_is_recorded()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        using var pa = hub.PersonalAdviser();
        var words = "I have slept on three sofas since the summer. I want somewhere I can stay.";
        await ExpectFieldErrorAsync(
            await pa.PutAsJsonAsync($"/api/board/case-papers/{boardCase.Escalation.Id}/young-persons-words", new RecordYoungPersonsWords(words, null, "Said at the review meeting.")),
            "agreedOn");
        Assert.False(await hub.QueryAsync(db => db.CasePapers.AnyAsync(p => p.EscalationId == boardCase.Escalation.Id)));

        await ExpectAsync(
            await pa.PutAsJsonAsync($"/api/board/case-papers/{boardCase.Escalation.Id}/young-persons-words", new RecordYoungPersonsWords(words, Today, "Signed at the review meeting.")),
            HttpStatusCode.OK);

        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);
        var paper = System.Text.Json.JsonSerializer.Deserialize<CasePaperView>(await PaperAsync(board, boardCase.Escalation.Id), System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal((words, Today, (string?)null), (paper.YoungPersonsWords, paper.WordsAgreedOn, paper.WordsAbsentBecause));
    }

    [Theory]
    [InlineData("resolution")]
    [InlineData("words")]
    public async Task Text_naming_the_young_person_or_their_date_of_birth_is_refused(string field)
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        var born = boardCase.Person.DateOfBirth.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        var response = field == "resolution"
            ? await BoardCase.Manager(hub, HubRoles.TeamManager).PutAsJsonAsync(
                $"/api/board/case-papers/{boardCase.Escalation.Id}/favoured-resolution", new ProposeResolution($"Give {boardCase.Person.GivenName.ToUpperInvariant()} a flat."))
            : await hub.PersonalAdviser().PutAsJsonAsync(
                $"/api/board/case-papers/{boardCase.Escalation.Id}/young-persons-words", new RecordYoungPersonsWords($"I was born on {born} and need a home.", Today, "Signed."));

        await ExpectFieldErrorAsync(response, field);
        Assert.False(await hub.QueryAsync(db => db.CasePapers.AnyAsync(p => p.EscalationId == boardCase.Escalation.Id)));
    }

    [Fact]
    public async Task Board_members_do_not_propose_the_favoured_resolution()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        await ExpectForbiddenAsync(await board.PutAsJsonAsync(
            $"/api/board/case-papers/{boardCase.Escalation.Id}/favoured-resolution", new ProposeResolution("We favour our own idea.")));
    }

    [Fact]
    public async Task Each_read_of_a_case_paper_is_audited_as_a_case_opening_is()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        await PaperAsync(board, boardCase.Escalation.Id, "paper-read-1");
        await PaperAsync(board, boardCase.Escalation.Id, "paper-read-2");

        var reads = await hub.QueryAsync(db => db.Audit
            .Where(a => a.ResourceId == boardCase.Escalation.Id.ToString() && a.ResourceType == BoardDecisionService.CasePaperResource).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(
            (AuditActions.Read, boardCase.Person.Id, AuditBases.BoardOversight, HubRoles.BoardMember),
            (r.Action, r.YoungPersonId, r.Basis, r.ActorRole)));
    }

    [Fact]
    public async Task Another_councils_case_paper_is_not_found()
    {
        var boardCase = await BoardCase.RaiseAsync(hub, tenantId: HubFactory.TenantB);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        await ExpectAsync(await board.GetAsync($"/api/board/case-papers/{boardCase.Escalation.Id}"), HttpStatusCode.NotFound);
    }
}
