using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Board.Decisions;

/// <summary>
/// When the Corporate Parenting Board meets: a first meeting and a cadence in weeks (every local authority's board
/// keeps a fixed cycle), one for all and, by tenant, a council's own. An overdue action goes on the agenda of the
/// next meeting on or after the day it is found overdue. Checked at start-up.
/// </summary>
public sealed class BoardMeetingOptions
{
    public const string Section = "BoardMeetings";

    public MeetingCadence Default { get; set; } = new();

    /// <summary>By tenant: a council's own board cycle in place of the default.</summary>
    public Dictionary<string, MeetingCadence> Tenants { get; set; } = [];

    /// <summary>How often the hub looks for actions past their due day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromHours(1);

    public MeetingCadence For(string tenantId) => Tenants.GetValueOrDefault(tenantId) ?? Default;

    /// <summary>The tenant's board meeting on or after <paramref name="date"/>.</summary>
    public DateOnly NextMeeting(string tenantId, DateOnly date) => For(tenantId).NextOnOrAfter(date);
}

public sealed class MeetingCadence
{
    /// <summary>A day the board met or meets; the cycle counts from it.</summary>
    public DateOnly FirstMeeting { get; set; } = new(2026, 1, 7);

    public int EveryWeeks { get; set; } = 6;

    public DateOnly NextOnOrAfter(DateOnly date)
    {
        if (date <= FirstMeeting)
        {
            return FirstMeeting;
        }

        var period = EveryWeeks * 7;
        var cycles = (date.DayNumber - FirstMeeting.DayNumber + period - 1) / period;
        return FirstMeeting.AddDays(cycles * period);
    }
}

/// <summary>At start-up: every cadence meets at least once a quarter and at most weekly (a dictionary's values are not checked by attributes).</summary>
sealed class BoardMeetingOptionsValidator : IValidateOptions<BoardMeetingOptions>
{
    public ValidateOptionsResult Validate(string? name, BoardMeetingOptions options)
    {
        var errors = options.Tenants.Select(t => (Key: $"{BoardMeetingOptions.Section}:Tenants:{t.Key}", Cadence: t.Value))
            .Prepend((Key: $"{BoardMeetingOptions.Section}:Default", Cadence: options.Default))
            .Where(c => c.Cadence.EveryWeeks is < 1 or > 13)
            .Select(c => $"{c.Key}:EveryWeeks must be 1 to 13: the board meets at least once a quarter.")
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
