namespace IntegrationHub.Referrals;

/// <summary>
/// A dated fact an agency reported about a leg (a release from custody planned, a transition to
/// probation due, a sanction proposed), kept in structured form for the escalation triggers and
/// the board's list of upcoming transitions and releases.
/// </summary>
public sealed class LegFact
{
    public Guid Id { get; init; }
    public Guid LegId { get; init; }
    public Guid ReferralId { get; init; }
    public required string TenantId { get; init; }
    public required string Agency { get; init; }
    public required string Kind { get; init; }
    public DateOnly Date { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>When the Personal Adviser answered it (a proposed sanction must be discussed with them first).</summary>
    public DateTimeOffset? RespondedAt { get; set; }

    public string? Response { get; set; }
}

public static class LegFactKinds
{
    public const string CustodyReleasePlanned = "custody-release-planned";
    public const string TransitionToProbationDue = "transition-to-probation-due";
    public const string SanctionProposed = "sanction-proposed";
}
