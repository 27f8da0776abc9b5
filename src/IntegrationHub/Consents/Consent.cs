namespace IntegrationHub.Consents;

/// <summary>
/// A young person's consent to share their data with one agency: when they gave it, who recorded it, with what
/// evidence, and when it is to be reviewed; and, once withdrawn, when, by whom and why. A consent is never
/// changed back or deleted: consent given again after a withdrawal, or renewed at a review, is a new one, so
/// the history of what the young person agreed to stays whole.
/// </summary>
public sealed class Consent
{
    public Guid Id { get; init; }
    public required string TenantId { get; init; }
    public Guid YoungPersonId { get; init; }

    /// <summary>One of the registered agencies' codes.</summary>
    public required string Agency { get; init; }

    /// <summary>The day the young person gave it, as the Personal Adviser records it.</summary>
    public DateOnly GivenOn { get; init; }

    public required string RecordedById { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// Where the consent can be seen, e.g. "signed form in case file". A consent recorded through a referral's
    /// lawful basis, as the referrals API has always taken it, may have none.
    /// </summary>
    public string? Evidence { get; init; }

    /// <summary>When the consent is to be checked again with the young person.</summary>
    public DateOnly ReviewOn { get; init; }

    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnById { get; set; }
    public string? WithdrawnBy { get; set; }

    /// <summary>The role of who withdrew it: the young person themselves, or their Personal Adviser.</summary>
    public string? WithdrawnByRole { get; set; }
    public string? WithdrawalReason { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>Optimistic concurrency: two withdrawals racing for one consent cannot both apply.</summary>
    public int Version { get; set; }
}
