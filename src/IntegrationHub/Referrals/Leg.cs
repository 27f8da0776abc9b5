using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Referrals;

/// <summary>One receiving agency's part of a referral.</summary>
public sealed class Leg
{
    public Guid Id { get; init; }
    public Guid ReferralId { get; init; }
    public required string Agency { get; init; }

    /// <summary>The organisation the agency directory routed this leg to.</summary>
    public required Organisation Recipient { get; init; }

    /// <summary>
    /// The Personal Adviser's reason for referring to this agency, written for it alone: what the agency
    /// is sent as the leg's summary, where the referral's own summary is for the hub's users only.
    /// </summary>
    public required string Reason { get; init; }
    public required string Status { get; set; }
    public required LawfulBasis LawfulBasis { get; init; }
    public required IReadOnlyList<string> SharedSections { get; init; }
    public string? StatusReason { get; set; }
    public string? ReasonCode { get; set; }
    public string? Outcome { get; set; }
    public string? AgencyReference { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two answers racing for one leg cannot both apply.</summary>
    public int Version { get; set; }
}
