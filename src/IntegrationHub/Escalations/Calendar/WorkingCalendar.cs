using System.Collections.Frozen;
using System.Text.Json;

namespace IntegrationHub.Escalations.Calendar;

/// <summary>
/// Working days for SLA clocks: Monday to Friday, except bank holidays.
/// The calendar knows only the years its bank holiday dates cover (every year with at least one date);
/// asking about any other year throws <see cref="InvalidOperationException"/>, so a stale holiday file
/// fails loudly instead of silently counting bank holidays as working days.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Manifest name of the embedded England and Wales file (RootNamespace + folder + file name).</summary>
    internal const string EnglandAndWalesResource = "IntegrationHub.Escalations.Calendar.bank-holidays-england-and-wales.json";

    const string EnglandAndWalesDivision = "england-and-wales";
    const string EnglandAndWalesFile = "src/IntegrationHub/Escalations/Calendar/bank-holidays-england-and-wales.json";

    static readonly Lazy<WorkingCalendar> EnglandAndWalesCalendar = new(LoadEnglandAndWales);
    static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly TimeOnly EndOfDay = new(23, 59, 59, 999);

    static readonly JsonSerializerOptions FeedJson = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    readonly FrozenSet<DateOnly> bankHolidays;
    readonly FrozenSet<int> years;

    /// <summary>A calendar with these bank holidays; it covers exactly the years in which they fall.</summary>
    /// <exception cref="ArgumentException">No dates were given, so no year would be covered.</exception>
    public WorkingCalendar(IEnumerable<DateOnly> bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        this.bankHolidays = bankHolidays.ToFrozenSet();
        if (this.bankHolidays.Count == 0)
        {
            throw new ArgumentException("A working calendar needs at least one bank holiday date to know which years it covers.", nameof(bankHolidays));
        }

        years = this.bankHolidays.Select(d => d.Year).ToFrozenSet();
        YearsCovered = [.. years.Order()];
    }

    /// <summary>The years this calendar can answer for, in order.</summary>
    public IReadOnlyList<int> YearsCovered { get; }

    /// <summary>
    /// England and Wales, from the embedded GOV.UK-shaped file <c>bank-holidays-england-and-wales.json</c>.
    /// Loaded once and cached.
    /// </summary>
    public static WorkingCalendar EnglandAndWales() => EnglandAndWalesCalendar.Value;

    /// <summary>True for Monday to Friday when the date is not a bank holiday.</summary>
    /// <exception cref="InvalidOperationException">
    /// The calendar has no bank holiday data for the date's year (even for a weekend: the year itself is unknown).
    /// </exception>
    public bool IsWorkingDay(DateOnly date) =>
        !IsBankHoliday(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>True when the date is a bank holiday (for a substitute day, the weekday that is the holiday).</summary>
    /// <exception cref="InvalidOperationException">The calendar has no bank holiday data for the date's year.</exception>
    public bool IsBankHoliday(DateOnly date)
    {
        EnsureCovered(date);
        return bankHolidays.Contains(date);
    }

    /// <summary>
    /// The day on which <paramref name="days"/> full working days after <paramref name="start"/> have passed:
    /// the <paramref name="days"/>-th working day strictly after <paramref name="start"/>. The start day never
    /// counts, whether or not it is a working day, so work sent on any day has whole working days to answer;
    /// the SLA is met if the answer comes by the end of the returned day. Zero days returns <paramref name="start"/>.
    /// E.g. 2 working days from Friday 18 December 2026 is Tuesday 22 December; from Wednesday 23 December 2026
    /// it is Tuesday 29 December (Thursday 24th, then 25th to 28th are Christmas, the weekend and the Boxing Day substitute).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The count runs into a year the calendar has no data for.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// 0 when <paramref name="to"/> is on or before <paramref name="from"/>. The inverse of
    /// <see cref="AddWorkingDays"/>: <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The range reaches a year the calendar has no data for.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The SLA deadline, in UTC, for work started at <paramref name="startedAt"/> with <paramref name="workingDays"/>
    /// working days to answer: the end (23:59:59.999 UK local time, Europe/London) of
    /// <see cref="AddWorkingDays"/>(the UK date on which the work started, <paramref name="workingDays"/>).
    /// So the day is the UK day: 23:30 UTC on 9 July is already 10 July in BST.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The count runs into a year the calendar has no data for.</exception>
    public DateTimeOffset DeadlineFor(DateTimeOffset startedAt, int workingDays)
    {
        var startedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startedAt, UkTime).DateTime);
        var dueOn = AddWorkingDays(startedOn, workingDays);

        // UK clocks change at 01:00 UTC, so 23:59:59.999 local is never skipped or repeated.
        var endOfDueDay = dueOn.ToDateTime(EndOfDay, DateTimeKind.Unspecified);
        return new DateTimeOffset(endOfDueDay, UkTime.GetUtcOffset(endOfDueDay)).ToUniversalTime();
    }

    /// <summary>Reads one division of the GOV.UK bank holidays feed; it must be England and Wales.</summary>
    /// <exception cref="InvalidDataException">The JSON is not an England and Wales division with at least one event.</exception>
    internal static WorkingCalendar FromFeed(Stream json)
    {
        BankHolidayFeed? feed;
        try
        {
            feed = JsonSerializer.Deserialize<BankHolidayFeed>(json, FeedJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The bank holiday file is not a GOV.UK bank holidays division: {e.Message}", e);
        }

        if (feed is null)
        {
            throw new InvalidDataException("The bank holiday file is empty.");
        }

        if (feed.Division != EnglandAndWalesDivision)
        {
            throw new InvalidDataException(
                $"The bank holiday file is for division '{feed.Division}'; expected '{EnglandAndWalesDivision}'.");
        }

        if (feed.Events.Count == 0)
        {
            throw new InvalidDataException("The bank holiday file lists no bank holidays.");
        }

        return new WorkingCalendar(feed.Events.Select(e => e.Date));
    }

    static WorkingCalendar LoadEnglandAndWales()
    {
        using var json = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(EnglandAndWalesResource)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{EnglandAndWalesResource}' is missing: IntegrationHub.csproj needs "
                + "<EmbeddedResource Include=\"Escalations\\Calendar\\bank-holidays-england-and-wales.json\" />.");
        return FromFeed(json);
    }

    void EnsureCovered(DateOnly date)
    {
        if (!years.Contains(date.Year))
        {
            throw new InvalidOperationException(
                $"The working calendar has no bank holidays for {date.Year} (it covers {YearsCovered[0]} to {YearsCovered[^1]}). "
                + $"Update {EnglandAndWalesFile} from https://www.gov.uk/bank-holidays.json (the england-and-wales division).");
        }
    }
}
