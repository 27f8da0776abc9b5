using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Notifications;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Board.Decisions;

/// <summary>
/// The board's decisions: recorded by board members on open level-3 escalations, audited, told to the owning
/// organisation's inbox; each bad field named with nothing stored; listed and updated by the owning organisation only
/// among agencies; and as CSV.
/// </summary>
public sealed class BoardDecisionsApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static DateOnly NextWeek => Today.AddDays(7);

    Task<int> DecisionsOfAsync(Guid escalationId) => hub.QueryAsync(db => db.BoardDecisions.CountAsync(d => d.EscalationId == escalationId));

    [Fact]
    public async Task Recording_a_decision_tells_the_owning_organisations_inbox_and_is_an_audited_write()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);

        var decision = await boardCase.DecideAsync(hub, NextWeek);

        Assert.Equal((BoardDecisionStatuses.Open, hub.OrganisationOf(Housing), NextWeek, false), (decision.Status, decision.Organisation, decision.DueOn, decision.Overdue));
        var notice = await hub.QueryAsync(db => db.Notifications.SingleAsync(n => n.EscalationId == boardCase.Escalation.Id && n.Subject.StartsWith(BoardDecisionService.NoticeSubject)));
        Assert.Equal((NotificationOptions.AgencyRole(Housing), hub.OrganisationOf(Housing), (DateTimeOffset?)null), (notice.Role, notice.Organisation, notice.EmailedAt));
        Assert.Contains(decision.Action, notice.Body, StringComparison.Ordinal);
        using var housing = hub.AgencyWorker(Housing);
        var inbox = await housing.GetFromJsonAsync<List<InboxItem>>("/api/inbox");
        Assert.Contains(inbox!, i => i.Id == notice.Id);

        var entry = await hub.QueryAsync(db => db.Audit.SingleAsync(a => a.ResourceId == decision.Id.ToString() && a.Action == AuditActions.Write));
        Assert.Equal(
            (BoardDecisionService.DecisionResource, boardCase.Person.Id, AuditBases.BoardOversight, HubRoles.BoardMember),
            (entry.ResourceType, entry.YoungPersonId, entry.Basis, entry.ActorRole));
    }

    public static TheoryData<string> BadFields() => ["escalationId", "action", "organisation", "owner", "dueOn"];

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_named_in_a_400_and_nothing_is_stored(string field)
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        var good = boardCase.Decision(hub, NextWeek);
        var bad = field switch
        {
            "escalationId" => good with { EscalationId = Guid.NewGuid() },
            "action" => good with { Action = " " },
            "organisation" => good with { Organisation = "NOT-IN-THE-DIRECTORY" },
            "owner" => good with { Owner = null },
            _ => good with { DueOn = Today },
        };
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        await ExpectFieldErrorAsync(await board.PostAsJsonAsync("/api/board/decisions", bad), field);

        Assert.Equal(0, await DecisionsOfAsync(boardCase.Escalation.Id));
        Assert.False(await hub.QueryAsync(db => db.Notifications.AnyAsync(n => n.EscalationId == boardCase.Escalation.Id && n.Role == NotificationOptions.AgencyRole(Housing) && n.Subject.StartsWith(BoardDecisionService.NoticeSubject))));
        Assert.False(await hub.QueryAsync(db => db.Audit.AnyAsync(a => a.ResourceType == BoardDecisionService.DecisionResource && a.YoungPersonId == boardCase.Person.Id)));
    }

    [Fact]
    public async Task An_escalation_below_the_board_takes_no_decision()
    {
        var boardCase = await BoardCase.RaiseAsync(hub, level: 2);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        await ExpectFieldErrorAsync(await board.PostAsJsonAsync("/api/board/decisions", boardCase.Decision(hub, NextWeek)), "escalationId");
    }

    [Fact]
    public async Task An_action_that_names_the_young_person_is_refused()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        var messages = await ExpectFieldErrorAsync(
            await board.PostAsJsonAsync("/api/board/decisions", boardCase.Decision(hub, NextWeek) with { Action = $"Find {boardCase.Person.GivenName} a flat." }),
            "action");

        Assert.Contains(messages, m => m.Contains("anonymous", StringComparison.Ordinal));
        Assert.Equal(0, await DecisionsOfAsync(boardCase.Escalation.Id));
    }

    [Theory]
    [InlineData(HubRoles.TeamManager)]
    [InlineData(HubRoles.HeadOfService)]
    public async Task Only_board_members_record_decisions(string role)
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        using var manager = BoardCase.Manager(hub, role);

        await ExpectForbiddenAsync(await manager.PostAsJsonAsync("/api/board/decisions", boardCase.Decision(hub, NextWeek)));

        Assert.Equal(0, await DecisionsOfAsync(boardCase.Escalation.Id));
    }

    [Fact]
    public async Task An_agency_sees_and_updates_only_its_own_organisations_actions()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        var decision = await boardCase.DecideAsync(hub, NextWeek);
        using var housing = hub.AgencyWorker(Housing);
        using var nhs = hub.AgencyWorker(Nhs);

        Assert.Contains((await housing.GetFromJsonAsync<List<BoardDecisionSummary>>("/api/board/decisions"))!, d => d.Id == decision.Id);
        Assert.DoesNotContain((await nhs.GetFromJsonAsync<List<BoardDecisionSummary>>("/api/board/decisions"))!, d => d.Id == decision.Id);
        await ExpectAsync(
            await nhs.PostAsJsonAsync($"/api/board/decisions/{decision.Id}/progress", new RecordProgress(BoardDecisionStatuses.Done, "Not ours, but trying.")),
            HttpStatusCode.NotFound);

        var updated = await housing.PostAsJsonAsync($"/api/board/decisions/{decision.Id}/progress", new RecordProgress(BoardDecisionStatuses.InProgress, "Lodgings viewed on Monday."));

        await ExpectAsync(updated, HttpStatusCode.OK);
        var progress = (await updated.Content.ReadFromJsonAsync<BoardDecisionSummary>())!;
        Assert.Equal(BoardDecisionStatuses.InProgress, progress.Status);
        Assert.Equal(["Lodgings viewed on Monday."], progress.Progress.Select(p => p.Note));
        var write = await hub.QueryAsync(db => db.Audit.SingleAsync(a => a.ResourceId == decision.Id.ToString() && a.ResourceType == $"{BoardDecisionService.DecisionResource}-progress"));
        Assert.Equal((HubRoles.Agency, hub.OrganisationOf(Housing)), (write.ActorRole, write.Organisation));
    }

    [Fact]
    public async Task A_done_action_takes_no_more_progress_and_a_bad_status_is_named()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        var decision = await boardCase.DecideAsync(hub, NextWeek);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        await ExpectFieldErrorAsync(await board.PostAsJsonAsync($"/api/board/decisions/{decision.Id}/progress", new RecordProgress("finished", "Moved in.")), "status");
        await ExpectFieldErrorAsync(await board.PostAsJsonAsync($"/api/board/decisions/{decision.Id}/progress", new RecordProgress(BoardDecisionStatuses.Done, "")), "note");
        await ExpectAsync(await board.PostAsJsonAsync($"/api/board/decisions/{decision.Id}/progress", new RecordProgress(BoardDecisionStatuses.Done, "Moved in.")), HttpStatusCode.OK);
        await ExpectAsync(await board.PostAsJsonAsync($"/api/board/decisions/{decision.Id}/progress", new RecordProgress(BoardDecisionStatuses.InProgress, "Again.")), HttpStatusCode.Conflict);

        var stored = await hub.QueryAsync(db => db.BoardDecisions.Include(d => d.Progress).SingleAsync(d => d.Id == decision.Id));
        Assert.Equal((BoardDecisionStatuses.Done, 1), (stored.Status, stored.Progress.Count));
    }

    [Fact]
    public async Task Team_managers_cannot_record_progress()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        var decision = await boardCase.DecideAsync(hub, NextWeek);
        using var manager = BoardCase.Manager(hub, HubRoles.TeamManager);

        await ExpectForbiddenAsync(await manager.PostAsJsonAsync($"/api/board/decisions/{decision.Id}/progress", new RecordProgress(BoardDecisionStatuses.Done, "Done.")));
    }

    [Fact]
    public async Task Listing_filters_by_status_and_audits_each_action_read()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        var decision = await boardCase.DecideAsync(hub, NextWeek);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        using var list = ActionRequest(HttpMethod.Get, "/api/board/decisions?status=open", "decision-list-1");
        var open = await board.SendAsync(list);
        var done = (await board.GetFromJsonAsync<List<BoardDecisionSummary>>("/api/board/decisions?status=done"))!;

        await ExpectAsync(open, HttpStatusCode.OK);
        Assert.Contains((await open.Content.ReadFromJsonAsync<List<BoardDecisionSummary>>())!, d => d.Id == decision.Id);
        Assert.DoesNotContain(done, d => d.Id == decision.Id);
        var read = await hub.QueryAsync(db => db.Audit.SingleAsync(a => a.CorrelationId == "decision-list-1" && a.ResourceId == decision.Id.ToString()));
        Assert.Equal((AuditActions.Read, boardCase.Person.Id, AuditBases.BoardOversight), (read.Action, read.YoungPersonId, read.Basis));
        await ExpectFieldErrorAsync(await board.GetAsync("/api/board/decisions?status=closed"), "status");
        await ExpectFieldErrorAsync(await board.GetAsync("/api/board/decisions?format=xml"), "format");
    }

    [Fact]
    public async Task The_decisions_come_as_csv_with_case_references_and_no_names()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        var decision = await boardCase.DecideAsync(hub, NextWeek);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);

        var response = await board.GetAsync("/api/board/decisions?format=csv");

        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("id,case_reference,theme,action,organisation,owner,due_on,status,overdue,on_agenda_for,decided_on,last_note", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(decision.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains($",{decision.CaseReference},", row, StringComparison.Ordinal);
        Assert.Contains($",{NextWeek:yyyy-MM-dd},open,no,", row, StringComparison.Ordinal);
        Assert.DoesNotContain(boardCase.Person.FamilyName, row, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_resolved_escalation_takes_no_decision()
    {
        var boardCase = await BoardCase.RaiseAsync(hub);
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);
        await ExpectAsync(
            await board.PostAsJsonAsync($"/api/escalations/{boardCase.Escalation.Id}/resolution", new IntegrationHub.Escalations.ResolveEscalation("Settled before the meeting.")),
            HttpStatusCode.OK);

        await ExpectAsync(await board.PostAsJsonAsync("/api/board/decisions", boardCase.Decision(hub, NextWeek)), HttpStatusCode.Conflict);
        Assert.Equal(0, await DecisionsOfAsync(boardCase.Escalation.Id));
    }
}
