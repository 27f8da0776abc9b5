using IntegrationHub.Escalations;
using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Board.Decisions;

/// <summary>
/// One pass over the board's actions: each one past its due day and not done goes on the agenda of its board's next
/// meeting (<see cref="BoardMeetingOptions"/>) as a level-3 escalation to the theme's champion, raised once. Safe on
/// every replica at once: the escalation's trigger key (<c>board-action-overdue:{id}</c>) is unique and the action's
/// version is a concurrency token, so when two passes take the same action, one saves and the other's change is dropped.
/// </summary>
public sealed class OverdueActions(
    HubDbContext db,
    TenantScope tenants,
    EscalationRunner runner,
    IOptions<BoardMeetingOptions> meetings,
    TimeProvider clock,
    ILogger<OverdueActions> logger)
{
    public const string ReasonCode = "board-action-overdue";

    /// <summary>How many overdue actions this pass put on an agenda.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // The scan works for every council at once, each action on its own council's agenda.
        tenants.SpanAllTenants("the board's overdue actions");
        var now = clock.GetUtcNow();
        var today = BoardDecisionService.UkDate(now);
        var overdue = await db.BoardDecisions
            .Where(d => d.OverdueEscalationId == null && d.Status != BoardDecisionStatuses.Done && d.DueOn < today)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var id in overdue)
        {
            // Loaded one at a time: a change lost to another replica clears the context for the next.
            var decision = await db.BoardDecisions.SingleAsync(d => d.Id == id, cancellationToken);
            if (decision.OverdueEscalationId is not null || !decision.IsOverdueOn(today))
            {
                continue;
            }

            var meeting = meetings.Value.NextMeeting(decision.TenantId, today);
            var original = await db.Escalations.AsNoTracking().SingleAsync(e => e.Id == decision.EscalationId, cancellationToken);
            var escalation = runner.Raise(
                new EscalationRunner.Candidate(
                    $"{ReasonCode}:{decision.Id:N}",
                    EscalationLadder.TopLevel,
                    ReasonCode,
                    $"The board's action on case {decision.CaseReference} was due on {decision.DueOn:d MMMM yyyy} and is not done: it goes to the board's meeting on {meeting:d MMMM yyyy}.",
                    original.ReferralId,
                    original.LegId,
                    decision.YoungPersonId,
                    decision.TenantId,
                    decision.Agency),
                now);
            decision.OverdueEscalationId = escalation.Id;
            decision.OnAgendaFor = meeting;
            decision.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Board action {DecisionId} is overdue: escalation {EscalationId} for the meeting on {Meeting}", decision.Id, escalation.Id, meeting);
                added++;
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
            {
                logger.LogInformation(ex, "Board action {DecisionId} was taken by another pass; leaving it", decision.Id);
                db.ChangeTracker.Clear();
            }
        }

        return added;
    }
}
