namespace IntegrationHub.Board.Decisions;

/// <summary>
/// What the board's case paper holds beyond what the hub already knows of a level-3 escalation: the favoured
/// resolution a team manager or head of service proposes, and the young person's own words, kept only with their
/// agreement to the board reading them recorded (when, and the evidence of it). One per escalation, keyed by it.
/// </summary>
public sealed class CasePaper
{
    public Guid EscalationId { get; init; }
    public required string TenantId { get; init; }
    public Guid YoungPersonId { get; init; }

    public string? FavouredResolution { get; set; }
    public string? ResolutionProposedBy { get; set; }

    /// <summary>The proposer's role (team manager or head of service): the paper says whose view it is, not who.</summary>
    public string? ResolutionProposedByRole { get; set; }
    public DateTimeOffset? ResolutionProposedAt { get; set; }

    /// <summary>The young person's words; never stored without <see cref="WordsAgreedOn"/>.</summary>
    public string? Words { get; set; }

    /// <summary>The day the young person agreed to the board reading their words.</summary>
    public DateOnly? WordsAgreedOn { get; set; }

    /// <summary>Where the agreement can be seen, e.g. "signed at the review meeting".</summary>
    public string? WordsAgreementEvidence { get; set; }
    public string? WordsRecordedById { get; set; }
    public string? WordsRecordedBy { get; set; }
    public DateTimeOffset? WordsRecordedAt { get; set; }
}
