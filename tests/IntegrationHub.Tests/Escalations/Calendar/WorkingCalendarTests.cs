using System.Globalization;
using System.Text;
using IntegrationHub.Escalations.Calendar;

namespace IntegrationHub.Tests.Escalations.Calendar;

public class WorkingCalendarTests
{
    static WorkingCalendar EnglandAndWales => WorkingCalendar.EnglandAndWales();

    static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static DateTimeOffset At(string isoInstant) => DateTimeOffset.Parse(isoInstant, CultureInfo.InvariantCulture);

    // Bank holidays

    [Theory]
    [InlineData("2026-01-01")] // New Year's Day, Thursday
    [InlineData("2026-04-03")] // Good Friday (Easter Sunday 5 April)
    [InlineData("2026-04-06")] // Easter Monday
    [InlineData("2026-05-04")] // Early May bank holiday, first Monday of May
    [InlineData("2026-05-25")] // Spring bank holiday, last Monday of May
    [InlineData("2026-08-31")] // Summer bank holiday, last Monday of August
    [InlineData("2026-12-25")] // Christmas Day, Friday
    [InlineData("2026-12-28")] // Boxing Day is Saturday 26th: substitute Monday 28th
    [InlineData("2027-01-01")] // New Year's Day, Friday
    [InlineData("2027-03-26")] // Good Friday (Easter Sunday 28 March)
    [InlineData("2027-03-29")] // Easter Monday
    [InlineData("2027-05-03")] // Early May bank holiday
    [InlineData("2027-05-31")] // Spring bank holiday
    [InlineData("2027-08-30")] // Summer bank holiday
    [InlineData("2027-12-27")] // Christmas Day is Saturday 25th: substitute Monday 27th
    [InlineData("2027-12-28")] // Boxing Day is Sunday 26th: substitute Tuesday 28th
    public void Bank_holiday_is_not_a_working_day(string date)
    {
        Assert.True(EnglandAndWales.IsBankHoliday(D(date)));
        Assert.False(EnglandAndWales.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData(2024, new[] { "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26" })]
    [InlineData(2025, new[] { "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26" })]
    [InlineData(2026, new[] { "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28" })]
    [InlineData(2027, new[] { "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28" })]
    [InlineData(2028, new[] { "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26" })]
    public void Only_the_years_bank_holidays_are_weekdays_off(int year, string[] expected)
    {
        var weekdaysOff = new List<DateOnly>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !EnglandAndWales.IsWorkingDay(date))
            {
                weekdaysOff.Add(date);
            }
        }

        Assert.Equal(expected.Select(D), weekdaysOff);
    }

    [Theory]
    [InlineData("2026-12-26")] // Boxing Day 2026 falls on Saturday; Monday 28th is the holiday
    [InlineData("2027-12-25")] // Christmas Day 2027 falls on Saturday; Monday 27th is the holiday
    [InlineData("2027-12-26")]
    [InlineData("2028-01-01")] // New Year's Day 2028 falls on Saturday; Monday 3 January is the holiday
    public void Holiday_falling_at_a_weekend_is_replaced_by_its_substitute_weekday(string date)
    {
        Assert.False(EnglandAndWales.IsBankHoliday(D(date)));
        Assert.False(EnglandAndWales.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2026-12-24")] // Christmas Eve is not a bank holiday
    [InlineData("2026-12-29")]
    [InlineData("2026-12-31")]
    [InlineData("2027-01-04")]
    [InlineData("2027-04-01")] // Thursday before Good Friday
    public void Ordinary_weekday_around_the_holidays_is_a_working_day(string date)
    {
        Assert.True(EnglandAndWales.IsWorkingDay(D(date)));
    }

    // Weekends

    [Theory]
    [InlineData("2026-06-06")] // Saturday
    [InlineData("2026-06-07")] // Sunday
    [InlineData("2027-02-13")] // Saturday
    [InlineData("2027-02-14")] // Sunday
    public void Weekend_is_not_a_working_day(string date)
    {
        Assert.False(EnglandAndWales.IsBankHoliday(D(date)));
        Assert.False(EnglandAndWales.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2026-06-08")] // Monday
    [InlineData("2026-06-10")] // Wednesday
    [InlineData("2026-06-12")] // Friday
    public void Weekday_without_a_bank_holiday_is_a_working_day(string date)
    {
        Assert.True(EnglandAndWales.IsWorkingDay(D(date)));
    }

    // AddWorkingDays

    [Theory]
    [InlineData("2026-06-12", 1, "2026-06-15")] // Friday + 1 = Monday
    [InlineData("2026-06-11", 2, "2026-06-15")] // Thursday + 2 = Monday
    [InlineData("2026-06-13", 1, "2026-06-15")] // sent on Saturday: Monday is the first working day after
    [InlineData("2026-06-14", 5, "2026-06-19")] // sent on Sunday: Monday to Friday
    [InlineData("2026-06-08", 10, "2026-06-22")] // two whole weeks
    public void Adding_working_days_skips_the_weekend(string start, int days, string due)
    {
        Assert.Equal(D(due), EnglandAndWales.AddWorkingDays(D(start), days));
    }

    [Fact]
    public void Two_working_days_from_friday_18_december_2026_is_tuesday_22_december()
    {
        Assert.Equal(D("2026-12-22"), EnglandAndWales.AddWorkingDays(D("2026-12-18"), 2));
    }

    [Theory]
    // Wednesday 23 Dec: Thursday 24th counts, then 25 (Christmas), 26-27 (weekend), 28 (Boxing Day substitute) do not.
    [InlineData("2026-12-23", 1, "2026-12-24")]
    [InlineData("2026-12-23", 2, "2026-12-29")]
    [InlineData("2026-12-23", 3, "2026-12-30")]
    [InlineData("2026-12-24", 1, "2026-12-29")]
    // Into 2027: 1 January (Friday) and the weekend after it do not count.
    [InlineData("2026-12-24", 3, "2026-12-31")]
    [InlineData("2026-12-24", 4, "2027-01-04")]
    [InlineData("2026-12-24", 5, "2027-01-05")]
    [InlineData("2026-12-31", 1, "2027-01-04")]
    // Christmas 2027: both holidays fall at the weekend, so Monday 27th and Tuesday 28th do not count.
    [InlineData("2027-12-24", 1, "2027-12-29")]
    public void Adding_working_days_skips_christmas_and_new_year(string start, int days, string due)
    {
        Assert.Equal(D(due), EnglandAndWales.AddWorkingDays(D(start), days));
    }

    [Fact]
    public void Adding_working_days_skips_easter()
    {
        // Thursday 2 April 2026; Good Friday 3rd, weekend, Easter Monday 6th.
        Assert.Equal(D("2026-04-07"), EnglandAndWales.AddWorkingDays(D("2026-04-02"), 1));
    }

    [Theory]
    [InlineData("2026-06-10")]
    [InlineData("2026-06-13")] // a Saturday stays a Saturday
    [InlineData("2026-12-25")]
    public void Adding_zero_working_days_is_the_start_day(string start)
    {
        Assert.Equal(D(start), EnglandAndWales.AddWorkingDays(D(start), 0));
    }

    [Fact]
    public void Adding_negative_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.AddWorkingDays(D("2026-06-10"), -1));
    }

    // WorkingDaysBetween

    [Theory]
    // From Friday 22 May 2026: weekend 23-24 and the spring bank holiday on Monday 25th do not count.
    [InlineData("2026-05-22", "2026-05-27", 2)]
    [InlineData("2026-05-22", "2026-06-01", 5)]
    [InlineData("2026-05-22", "2026-06-15", 15)]
    [InlineData("2026-05-22", "2026-05-25", 0)]
    [InlineData("2026-05-22", "2026-05-26", 1)]
    public void Working_days_between_skips_the_weekend_and_the_bank_holiday(string from, string to, int expected)
    {
        Assert.Equal(expected, EnglandAndWales.WorkingDaysBetween(D(from), D(to)));
    }

    [Theory]
    [InlineData("2026-06-10", "2026-06-10")]
    [InlineData("2026-06-10", "2026-06-09")]
    [InlineData("2026-06-10", "2025-06-10")]
    public void Working_days_between_is_zero_when_to_is_not_after_from(string from, string to)
    {
        Assert.Equal(0, EnglandAndWales.WorkingDaysBetween(D(from), D(to)));
    }

    [Fact]
    public void Working_days_between_counts_back_what_adding_working_days_added()
    {
        for (var start = D("2026-12-01"); start <= D("2027-01-31"); start = start.AddDays(1))
        {
            for (var days = 1; days <= 15; days++)
            {
                Assert.Equal(days, EnglandAndWales.WorkingDaysBetween(start, EnglandAndWales.AddWorkingDays(start, days)));
            }
        }
    }

    // DeadlineFor

    [Fact]
    public void Deadline_in_winter_is_the_end_of_the_due_day_in_gmt()
    {
        var deadline = EnglandAndWales.DeadlineFor(At("2026-12-18T10:00:00Z"), 2);

        Assert.Equal(At("2026-12-22T23:59:59.999Z"), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }

    [Fact]
    public void Deadline_in_summer_is_the_end_of_the_due_day_in_bst()
    {
        // Thursday 9 July 2026: due Monday 13 July, 23:59:59.999 BST = 22:59:59.999 UTC.
        var deadline = EnglandAndWales.DeadlineFor(At("2026-07-09T09:00:00+01:00"), 2);

        Assert.Equal(At("2026-07-13T22:59:59.999Z"), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }

    [Fact]
    public void Deadline_counts_from_the_uk_date_the_work_started()
    {
        // 23:30 UTC on Thursday 9 July 2026 is 00:30 BST on Friday 10 July, so Friday is the start day.
        var deadline = EnglandAndWales.DeadlineFor(At("2026-07-09T23:30:00Z"), 2);

        Assert.Equal(At("2026-07-14T22:59:59.999Z"), deadline);
    }

    [Fact]
    public void Deadline_after_the_clocks_go_back_is_in_gmt()
    {
        // Started Thursday 22 October 2026 in BST; clocks go back on Sunday 25th; due Thursday 29th in GMT.
        var deadline = EnglandAndWales.DeadlineFor(At("2026-10-22T15:00:00+01:00"), 5);

        Assert.Equal(At("2026-10-29T23:59:59.999Z"), deadline);
    }

    [Fact]
    public void Deadline_skips_christmas()
    {
        var deadline = EnglandAndWales.DeadlineFor(At("2026-12-23T16:45:00Z"), 2);

        Assert.Equal(At("2026-12-29T23:59:59.999Z"), deadline);
    }

    // Years with no data

    [Theory]
    [InlineData("2029-01-02")]
    [InlineData("2023-06-14")]
    [InlineData("2029-01-06")] // a Saturday still throws: the calendar cannot vouch for the year at all
    public void Asking_about_a_year_with_no_bank_holidays_fails_loudly(string date)
    {
        var error = Assert.Throws<InvalidOperationException>(() => EnglandAndWales.IsWorkingDay(D(date)));

        Assert.Contains(D(date).Year.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("bank-holidays-england-and-wales.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("Update", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counting_past_the_last_year_with_data_fails_loudly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EnglandAndWales.AddWorkingDays(D("2028-12-27"), 5));

        Assert.Contains("2029", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Working_days_between_into_a_year_with_no_data_fails_loudly()
    {
        Assert.Throws<InvalidOperationException>(() => EnglandAndWales.WorkingDaysBetween(D("2028-12-20"), D("2029-01-10")));
    }

    // Loading

    [Fact]
    public void England_and_wales_covers_2024_to_2028()
    {
        Assert.Equal([2024, 2025, 2026, 2027, 2028], EnglandAndWales.YearsCovered);
    }

    [Fact]
    public void England_and_wales_is_loaded_once()
    {
        Assert.Same(WorkingCalendar.EnglandAndWales(), WorkingCalendar.EnglandAndWales());
    }

    [Fact]
    public void Calendar_covers_only_the_years_of_its_bank_holidays()
    {
        var calendar = new WorkingCalendar([D("2030-12-25")]);

        Assert.False(calendar.IsWorkingDay(D("2030-12-25")));
        Assert.True(calendar.IsWorkingDay(D("2030-12-24")));
        Assert.Throws<InvalidOperationException>(() => calendar.IsWorkingDay(D("2031-01-02")));
    }

    [Fact]
    public void Calendar_without_bank_holidays_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([]));
    }

    [Fact]
    public void Feed_for_another_division_is_refused()
    {
        const string scotland = """
            { "division": "scotland", "events": [ { "title": "St Andrew’s Day", "date": "2026-11-30", "notes": "", "bunting": true } ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => WorkingCalendar.FromFeed(Stream(scotland)));
        Assert.Contains("scotland", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "division": "england-and-wales", "events": [] }""")]
    [InlineData("""{ "division": "england-and-wales" }""")]
    [InlineData("""{ "division": "england-and-wales", "events": [ { "title": "Christmas Day" } ] }""")]
    [InlineData("""{ "division": "england-and-wales", "events": [ { "title": "Christmas Day", "date": "25/12/2026" } ] }""")]
    public void Feed_without_usable_dates_is_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => WorkingCalendar.FromFeed(Stream(json)));
    }

    [Fact]
    public void Feed_division_as_gov_uk_publishes_it_is_read()
    {
        const string division = """
            { "division": "england-and-wales", "events": [
              { "title": "Christmas Day", "date": "2027-12-27", "notes": "Substitute day", "bunting": true },
              { "title": "Boxing Day", "date": "2027-12-28", "notes": "Substitute day", "bunting": true } ] }
            """;

        var calendar = WorkingCalendar.FromFeed(Stream(division));

        Assert.Equal(D("2027-12-29"), calendar.AddWorkingDays(D("2027-12-24"), 1));
    }

    static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));
}
