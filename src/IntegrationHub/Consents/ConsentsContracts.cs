namespace IntegrationHub.Consents;

/// <summary>A consent the young person gave to share with one agency, as the Personal Adviser records it.</summary>
/// <param name="GivenOn">The day the young person gave it, not the day it is recorded.</param>
/// <param name="Evidence">Where it can be seen, e.g. "signed form in case file" or "verbal, witnessed by …".</param>
/// <param name="ReviewOn">When it is to be checked again with the young person; after <paramref name="GivenOn"/>.</param>
public sealed record RecordConsent(string? Agency, DateOnly? GivenOn, string? Evidence, DateOnly? ReviewOn);

/// <param name="Reason">Optional: nobody has to say why they withdraw consent.</param>
public sealed record WithdrawConsent(string? Reason);

public static class ConsentStatuses
{
    /// <summary>The agency's latest consent stands.</summary>
    public const string Given = "given";

    /// <summary>The agency's latest consent was withdrawn: nothing more is shared with it on consent until a new one is recorded.</summary>
    public const string Withdrawn = "withdrawn";
}

/// <param name="ByRole">The role of who withdrew it: <c>YoungPerson</c>, or <c>PersonalAdviser</c> when the young person told their adviser.</param>
public sealed record ConsentWithdrawal(DateTimeOffset At, string By, string ByRole, string? Reason);

public sealed record ConsentDetails(
    Guid Id,
    string Agency,
    DateOnly GivenOn,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? Evidence,
    DateOnly ReviewOn,
    ConsentWithdrawal? Withdrawal)
{
    public static ConsentDetails From(Consent c) => new(
        c.Id, c.Agency, c.GivenOn, c.RecordedBy, c.RecordedAt, c.Evidence, c.ReviewOn,
        c.WithdrawnAt is { } at ? new ConsentWithdrawal(at, c.WithdrawnBy!, c.WithdrawnByRole!, c.WithdrawalReason) : null);
}

/// <summary>One agency's consents: where they stand and every consent recorded, newest first; nothing is ever removed.</summary>
/// <param name="Status">One of <see cref="ConsentStatuses"/>: whether the latest consent stands.</param>
/// <param name="DueForReview">The consent stands and its review date has come.</param>
public sealed record AgencyConsent(string Agency, string Status, bool DueForReview, IReadOnlyList<ConsentDetails> History)
{
    public ConsentDetails Latest => History[0];

    /// <param name="consents">The agency's consents, newest first.</param>
    public static AgencyConsent Of(string agency, IReadOnlyList<Consent> consents, DateOnly today)
    {
        var latest = consents[0];
        return new AgencyConsent(
            agency,
            latest.IsWithdrawn ? ConsentStatuses.Withdrawn : ConsentStatuses.Given,
            !latest.IsWithdrawn && latest.ReviewOn <= today,
            [.. consents.Select(ConsentDetails.From)]);
    }
}

/// <summary>A leg the withdrawal reached: cancelled when it rested on the consent, kept when it rests on another lawful basis.</summary>
public sealed record WithdrawnConsentLeg(Guid ReferralId, Guid LegId, string Agency, string Status, string LawfulBasis);

/// <param name="CancelledLegs">The open legs to the agency that rested on consent: each is cancelled and the agency told to stop.</param>
/// <param name="LegsOnAnotherBasis">Open legs to the agency shared on another lawful basis, which withdrawing consent does not end.</param>
public sealed record ConsentWithdrawn(AgencyConsent Consent, IReadOnlyList<WithdrawnConsentLeg> CancelledLegs, IReadOnlyList<WithdrawnConsentLeg> LegsOnAnotherBasis);
