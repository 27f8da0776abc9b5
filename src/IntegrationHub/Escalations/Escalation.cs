namespace IntegrationHub.Escalations;

/// <summary>
/// A cross-agency block on its way up the ladder: level 1 (the PA's team manager and the agency's
/// SPOC manager), 2 (head of service and the agency's named senior manager), 3 (the Corporate
/// Parenting Board's champion for the theme).
/// </summary>
public sealed class Escalation
{
    public Guid Id { get; init; }
    public required string TenantId { get; init; }
    public Guid? ReferralId { get; init; }
    public Guid? LegId { get; init; }
    public Guid YoungPersonId { get; init; }
    public required string Agency { get; init; }
    public required string Theme { get; init; }
    public int Level { get; set; }
    public required string ReasonCode { get; init; }
    public required string Reason { get; init; }
    public required string Owner { get; set; }

    /// <summary>What raised it (e.g. <c>sla:{legId}</c>): unique, so however many scanners run, it is raised once.</summary>
    public required string TriggerKey { get; init; }

    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset DueBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Outcome { get; set; }

    /// <summary>Optimistic concurrency: two scanners cannot both move it up a level.</summary>
    public int Version { get; set; }

    public bool IsOpen => ResolvedAt is null;
}

/// <summary>
/// The hub's own reason codes. An agency's come from the safeguards its definition declares
/// (<see cref="IntegrationHub.Adapters.Channels.Agencies.Safeguard.ReasonCode"/>).
/// </summary>
public static class EscalationReasons
{
    public const string NoAcknowledgement = "no-acknowledgement";
    public const string NoDecision = "no-decision";
    public const string UnacceptableDecline = "unacceptable-decline";
    public const string RaisedByManager = "raised-by-manager";
    public const string SanctionWithoutPaResponse = "sanction-without-pa-response";

    public static IReadOnlyList<string> All { get; } = [NoAcknowledgement, NoDecision, UnacceptableDecline, RaisedByManager, SanctionWithoutPaResponse];
}
