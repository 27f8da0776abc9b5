using IntegrationHub.Board.Decisions;
using IntegrationHub.Board.Scorecard;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using IntegrationHub.Tests.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Board.Decisions;

/// <summary>
/// An action past its due day goes to the board's next meeting, once, as a level-3 escalation; the scorecard's count of
/// overdue actions agrees; marking it done resolves that agenda item. On the clock of <see cref="ClockedHubFactory"/>
/// (Friday 18 December 2026) with a board that meets every four weeks from Wednesday 2 December 2026.
/// </summary>
public sealed class OverdueActionsTests
{
    static readonly Dictionary<string, string> FourWeekly = new()
    {
        ["BoardMeetings:Default:FirstMeeting"] = "2026-12-02",
        ["BoardMeetings:Default:EveryWeeks"] = "4",
    };

    static readonly DateOnly DueOn = new(2026, 12, 21);

    async Task<int> ScanAtAsync(ClockedHubFactory hub, DateTimeOffset at)
    {
        hub.Clock.SetUtcNow(at);
        await using var scope = hub.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueActions>().RunAsync(CancellationToken.None);
    }

    /// <summary>The scorecard's count of the board's actions overdue when the month to <paramref name="asOf"/> closed.</summary>
    static async Task<double?> OverdueCountAsync(ClockedHubFactory hub, DateOnly asOf)
    {
        var figures = await hub.CallAsync<ScorecardReader, ScorecardFigures>(
            new HubUser("board", "Board", HubRoles.BoardMember, HubFactory.TenantA, null, null),
            reader => reader.ReadAsync(HubFactory.TenantA, asOf, 1, CancellationToken.None));
        return figures.Rows.Single(r => r.Key == ScorecardRows.BoardActionsOverdue).Value;
    }

    [Fact]
    public async Task An_action_past_its_due_day_goes_to_the_next_meeting_once_and_is_taken_off_when_done()
    {
        await using var hub = new ClockedHubFactory(FourWeekly);
        await hub.InitializeAsync();
        var boardCase = await BoardCase.RaiseAsync(hub);
        var decision = await boardCase.DecideAsync(hub, DueOn);

        Assert.Equal(0, await ScanAtAsync(hub, new DateTimeOffset(2026, 12, 21, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(0, await OverdueCountAsync(hub, DueOn));
        Assert.Equal(1, await OverdueCountAsync(hub, DueOn.AddDays(1)));

        // Moving the clock also wakes the hub's own scanner, as another replica would run: whichever pass comes first puts it on the agenda, once.
        await ScanAtAsync(hub, new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await ScanAtAsync(hub, new DateTimeOffset(2026, 12, 22, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1, await hub.QueryAsync(db => db.Escalations.CountAsync(e => e.TriggerKey == $"{OverdueActions.ReasonCode}:{decision.Id:N}")));

        var stored = await hub.QueryAsync(db => db.BoardDecisions.SingleAsync(d => d.Id == decision.Id));
        Assert.Equal(new DateOnly(2026, 12, 30), stored.OnAgendaFor);
        var agendaItem = await hub.QueryAsync(db => db.Escalations.SingleAsync(e => e.Id == stored.OverdueEscalationId));
        Assert.Equal((EscalationLadder.TopLevel, OverdueActions.ReasonCode, true), (agendaItem.Level, agendaItem.ReasonCode, agendaItem.IsOpen));
        using var board = BoardCase.Manager(hub, HubRoles.BoardMember);
        var overdue = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<BoardDecisionSummary>>(board, "/api/board/decisions?status=overdue");
        Assert.Contains(overdue!, d => d.Id == decision.Id && d.Overdue && d.OnAgendaFor == new DateOnly(2026, 12, 30));

        await ExpectAsync(
            await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(board, $"/api/board/decisions/{decision.Id}/progress", new RecordProgress(BoardDecisionStatuses.Done, "Moved in on the 23rd.")),
            System.Net.HttpStatusCode.OK);

        Assert.False(await hub.QueryAsync(db => db.Escalations.Where(e => e.Id == stored.OverdueEscalationId).Select(e => e.ResolvedAt == null).SingleAsync()));
        Assert.Equal(0, await OverdueCountAsync(hub, DueOn.AddDays(1)));
    }

    [Theory]
    [InlineData("2026-11-01", "2026-12-02")]
    [InlineData("2026-12-02", "2026-12-02")]
    [InlineData("2026-12-03", "2026-12-30")]
    [InlineData("2026-12-30", "2026-12-30")]
    [InlineData("2026-12-31", "2027-01-27")]
    public void The_next_meeting_is_the_first_of_the_cycle_on_or_after_the_day(string day, string meeting) =>
        Assert.Equal(
            DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture),
            new MeetingCadence { FirstMeeting = new DateOnly(2026, 12, 2), EveryWeeks = 4 }.NextOnOrAfter(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
