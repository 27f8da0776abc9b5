using System.Globalization;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Consents;

/// <summary>A young person's consents as the hub keeps them: every one recorded, the latest per agency deciding.</summary>
public sealed class ConsentRegister(HubDbContext db, AgencyDefinitions agencies)
{
    /// <summary>Every consent of the young person, newest first (in the caller's local authority, as the tenant filter keeps it).</summary>
    public Task<List<Consent>> OfAsync(Guid youngPersonId, CancellationToken cancellationToken) =>
        db.Consents.Where(c => c.YoungPersonId == youngPersonId).OrderByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);

    /// <summary>The young person's consents as a referral's legs to them will find them.</summary>
    public async Task<LegConsents> ForReferralAsync(YoungPerson person, HubUser user, CancellationToken cancellationToken)
    {
        var latest = (await OfAsync(person.Id, cancellationToken)).GroupBy(c => c.Agency).ToDictionary(g => g.Key, g => g.First());
        return new LegConsents(person, user, latest, agencies);
    }

    /// <summary>
    /// A time as both databases keep it, so the consent reads back as it was given to the legs that rest on it.
    /// The audit chain cuts its times the same way, for the same reason.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset at) => AuditChain.Stored(at);

    /// <summary>A day as the hub's words about consent say it: 6 December 2026.</summary>
    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>
/// What a referral's legs on consent rest on: the young person's current consent for the agency. Where the young
/// person has none for that agency yet, the leg's own lawful basis records one, as the referrals API always took
/// consent; where their latest was withdrawn, nothing is sent to that agency on consent until a new one is recorded.
/// </summary>
public sealed class LegConsents(YoungPerson person, HubUser user, IReadOnlyDictionary<string, Consent> latest, AgencyDefinitions agencies)
{
    /// <summary>
    /// A consent recorded from a leg's lawful basis is reviewed at the next pathway plan review, which the
    /// leaving care regulations require at least every six months.
    /// </summary>
    const int ReviewMonths = 6;

    readonly List<Consent> recorded = [];

    /// <summary>The consents recorded from the legs' lawful bases, to be saved with the referral.</summary>
    public IReadOnlyList<Consent> Recorded => recorded;

    /// <summary>Whether the agency's consent is already recorded, so the leg's lawful basis need not say who recorded it and when.</summary>
    public bool IsRecorded(string agency) => latest.ContainsKey(agency);

    /// <summary>The leg's lawful basis from the agency's recorded consent; an error on <paramref name="field"/> when it was withdrawn.</summary>
    public LawfulBasis? BasisFor(string agency, string field, FieldErrors errors)
    {
        var consent = latest[agency];
        if (consent.WithdrawnAt is { } withdrawnAt)
        {
            errors.Add(field, $"Consent to share with {agencies.For(agency).NameInSentence} was withdrawn on {ConsentRegister.Date(withdrawnAt)}. "
                + "Record the young person's new consent before referring to them on consent.");
            return null;
        }

        return new LawfulBasis(LawfulBases.Consent, consent.RecordedBy, consent.RecordedAt, consent.Evidence);
    }

    /// <summary>
    /// Records the consent a leg's lawful basis gave, where none was recorded for its agency before, and answers the
    /// basis with its time as the consent keeps it.
    /// </summary>
    public LawfulBasis Record(string agency, LawfulBasis basis)
    {
        var givenOn = DateOnly.FromDateTime(basis.RecordedAt.UtcDateTime);
        var consent = new Consent
        {
            Id = Guid.NewGuid(),
            TenantId = person.TenantId,
            YoungPersonId = person.Id,
            Agency = agency,
            GivenOn = givenOn,
            RecordedById = user.Id,
            RecordedBy = basis.RecordedBy,
            RecordedAt = ConsentRegister.Stored(basis.RecordedAt),
            Evidence = basis.Evidence,
            ReviewOn = givenOn.AddMonths(ReviewMonths),
        };
        recorded.Add(consent);
        return basis with { RecordedAt = consent.RecordedAt };
    }
}
