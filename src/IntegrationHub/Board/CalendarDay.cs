namespace IntegrationHub.Board;

/// <summary>
/// One UK date of the years the working calendar covers, with the working days counted up to it, so that SQL can
/// tell whether a date is within <c>n</c> working days of another by comparing two counts: the day
/// <c>n</c> working days after date <c>s</c> is on or after date <c>d</c> exactly when
/// <c>d.WorkingDaysBefore &lt; s.WorkingDaysThrough + n</c> (for <c>n</c> ≥ 1). Kept by <see cref="CalendarDaysKeeper"/>.
/// </summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; init; }

    /// <summary>Working days of the table strictly before <see cref="Date"/>.</summary>
    public int WorkingDaysBefore { get; init; }

    /// <summary>Working days of the table up to and including <see cref="Date"/>.</summary>
    public int WorkingDaysThrough { get; init; }
}
