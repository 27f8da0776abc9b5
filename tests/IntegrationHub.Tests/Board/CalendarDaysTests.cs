using IntegrationHub.Board;
using IntegrationHub.Escalations.Calendar;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Tests.Board;

/// <summary>The calendar days table the board's SQL counts working days with.</summary>
public sealed class CalendarDaysTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly WorkingCalendar Calendar = WorkingCalendar.EnglandAndWales();

    [Fact]
    public async Task Hub_keeps_a_day_for_every_date_of_the_years_the_bank_holidays_cover()
    {
        var days = await hub.QueryAsync(db => db.CalendarDays.OrderBy(d => d.Date).ToListAsync());

        Assert.Equal(new DateOnly(Calendar.YearsCovered[0], 1, 1), days[0].Date);
        Assert.Equal(new DateOnly(Calendar.YearsCovered[^1], 12, 31), days[^1].Date);
        Assert.Equal(days[^1].Date.DayNumber - days[0].Date.DayNumber + 1, days.Count);
        var christmas = days.Single(d => d.Date == new DateOnly(2026, 12, 25));
        Assert.Equal(christmas.WorkingDaysBefore, christmas.WorkingDaysThrough);
    }

    /// <summary>
    /// The comparison the timeliness SQL makes: a date is on or before the day <c>n</c> working days after <c>s</c>
    /// exactly when its working days before are fewer than <c>s</c>'s working days through plus <c>n</c>; checked against
    /// the calendar's own count from every day of 2026 (its bank holidays, weekends and Christmas).
    /// </summary>
    [Fact]
    public void Working_day_counts_put_each_date_on_the_right_side_of_the_calendars_deadline()
    {
        var days = CalendarDaysKeeper.Days(Calendar).ToDictionary(d => d.Date);

        for (var start = new DateOnly(2026, 1, 1); start.Year == 2026; start = start.AddDays(1))
        {
            foreach (var workingDays in new[] { 1, 2, 5, 10, 20 })
            {
                var due = Calendar.AddWorkingDays(start, workingDays);
                bool WithinBySql(DateOnly date) => days[date].WorkingDaysBefore < days[start].WorkingDaysThrough + workingDays;
                Assert.True(WithinBySql(due), $"{due} is the deadline for {workingDays} working days from {start}");
                Assert.False(WithinBySql(due.AddDays(1)), $"{due.AddDays(1)} is after the deadline for {workingDays} working days from {start}");
            }
        }
    }
}
