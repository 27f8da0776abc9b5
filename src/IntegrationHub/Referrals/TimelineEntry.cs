namespace IntegrationHub.Referrals;

/// <summary>One line of a referral's timeline: who did what, when and why.</summary>
public sealed class TimelineEntry
{
    /// <summary>Given by the database in the order entries are written: the timeline's order when times are equal.</summary>
    public long Id { get; init; }

    public Guid ReferralId { get; init; }
    public Guid? LegId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Kind { get; init; }
    public string? Agency { get; init; }
    public string? FromStatus { get; init; }
    public string? ToStatus { get; init; }
    public string? Detail { get; init; }
}

public static class TimelineKinds
{
    public const string ReferralMade = "referral-made";
    public const string LegRequested = "leg-requested";
    public const string StatusChanged = "status-changed";
    public const string TransitionRefused = "transition-refused";
    public const string AgencyUpdate = "agency-update";

    /// <summary>An attempt to deliver the leg failed for a reason that may pass; the leg keeps waiting and is sent again.</summary>
    public const string DeliveryRetrying = "delivery-retrying";

    /// <summary>An operator sent a failed leg again: its delivery starts afresh, with a new retry budget.</summary>
    public const string LegResent = "leg-resent";
}
