namespace IntegrationHub.Referrals;

/// <summary>A requested change of a leg's status, with who asked for it and why.</summary>
public sealed record LegChange(
    string To,
    string Actor,
    DateTimeOffset At,
    string? Reason = null,
    string? ReasonCode = null,
    string? Outcome = null,
    string? AgencyReference = null);
