using IntegrationHub.Escalations.Calendar;
using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Board;

/// <summary>
/// Makes the <see cref="CalendarDay"/> table match the working calendar at start-up (after the schema is migrated): a
/// bank holiday file with a new year or a changed date replaces the table's rows in one transaction. Replicas starting
/// together may both try; the one that finds the other's rows already saved checks them and carries on.
/// </summary>
sealed class CalendarDaysKeeper(IServiceScopeFactory scopes, WorkingCalendar calendar, ILogger<CalendarDaysKeeper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var expected = Days(calendar);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        if (await MatchesAsync(db, expected, cancellationToken))
        {
            return;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.CalendarDays.ExecuteDeleteAsync(cancellationToken);
            db.CalendarDays.AddRange(expected);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Calendar days: {DayCount} days from {First} to {Last}", expected.Count, expected[0].Date, expected[^1].Date);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await using var again = scopes.CreateAsyncScope();
            if (!await MatchesAsync(again.ServiceProvider.GetRequiredService<HubDbContext>(), expected, cancellationToken))
            {
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every date of the covered years, in order, with the working days counted from the first.</summary>
    internal static List<CalendarDay> Days(WorkingCalendar calendar)
    {
        var days = new List<CalendarDay>();
        var counted = 0;
        foreach (var year in calendar.YearsCovered)
        {
            for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
            {
                var before = counted;
                counted += calendar.IsWorkingDay(date) ? 1 : 0;
                days.Add(new CalendarDay { Date = date, WorkingDaysBefore = before, WorkingDaysThrough = counted });
            }
        }

        return days;
    }

    static async Task<bool> MatchesAsync(HubDbContext db, List<CalendarDay> expected, CancellationToken cancellationToken)
    {
        var stored = await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken);
        return stored.Count == expected.Count && stored.Zip(expected).All(p =>
            p.First.Date == p.Second.Date && p.First.WorkingDaysBefore == p.Second.WorkingDaysBefore && p.First.WorkingDaysThrough == p.Second.WorkingDaysThrough);
    }
}
