using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Outcomes;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Consents;

/// <summary>
/// A young person's consents over time, agency by agency: their Personal Adviser records each one, and either of
/// them withdraws it. A withdrawal cancels the open legs to that agency that rest on consent, tells the agency to
/// stop, and refuses new ones until a new consent is recorded. The young person reaches only their own record;
/// every read is audited.
/// </summary>
public sealed class ConsentService(
    HubDbContext db, ConsentRegister register, YoungPeopleService people, ReferralService referrals, AuditLog audit, AgencyDefinitions agencies, TimeProvider clock)
{
    /// <summary>The reason each leg is cancelled with, and the agency told.</summary>
    public const string WithdrawnReason = "consent withdrawn";

    DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Each agency's consents, in the agencies' order; null when the young person is not the caller's to see.</summary>
    public async Task<IReadOnlyList<AgencyConsent>?> ListAsync(Guid youngPersonId, HubUser user, CancellationToken cancellationToken)
    {
        if (await FindAsync(youngPersonId, user, cancellationToken) is not { } person)
        {
            return null;
        }

        var consents = await register.OfAsync(person.Id, cancellationToken);
        await audit.RecordReadAsync(user, "consents", person.Id, person.Id, AuditBases.Of(user), cancellationToken);
        return ByAgency(consents);
    }

    /// <summary>The Personal Adviser records a consent: a new one, whatever stood or was withdrawn before it.</summary>
    public async Task<Outcome<ConsentDetails>> RecordAsync(Guid youngPersonId, RecordConsent request, HubUser user, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return new Outcome<ConsentDetails>.Invalid(errors);
        }

        if (user.Role != HubRoles.PersonalAdviser || await FindAsync(youngPersonId, user, cancellationToken) is not { } person)
        {
            return new Outcome<ConsentDetails>.NotFound();
        }

        var consent = new Consent
        {
            Id = Guid.NewGuid(),
            TenantId = person.TenantId,
            YoungPersonId = person.Id,
            Agency = request.Agency!,
            GivenOn = request.GivenOn!.Value,
            RecordedById = user.Id,
            RecordedBy = user.Name,
            RecordedAt = ConsentRegister.Stored(clock.GetUtcNow()),
            Evidence = request.Evidence!.Trim(),
            ReviewOn = request.ReviewOn!.Value,
        };
        db.Consents.Add(consent);
        await audit.RecordAsync(user, [Audited.Write("consent", consent.Id, person.Id, AuditBases.PublicTask)], cancellationToken);
        return new Outcome<ConsentDetails>.Done(ConsentDetails.From(consent));
    }

    /// <summary>
    /// Withdraws the agency's standing consent, by the young person or by their Personal Adviser for them, and in the same
    /// transaction cancels every open leg to that agency that rests on consent, each agency told in its own format. A leg
    /// shared on another lawful basis is not the consent's to end: it is kept, and said so.
    /// </summary>
    public async Task<Outcome<ConsentWithdrawn>> WithdrawAsync(
        Guid youngPersonId, string agency, WithdrawConsent request, HubUser user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!agencies.Contains(agency))
        {
            errors.Add("agency", $"'{agency}' is not an agency; use one of: {string.Join(", ", agencies.Codes)}.");
        }

        var reason = errors.OptionalText("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return new Outcome<ConsentWithdrawn>.Invalid(errors);
        }

        if (await FindAsync(youngPersonId, user, cancellationToken) is not { } person)
        {
            return new Outcome<ConsentWithdrawn>.NotFound();
        }

        var consents = await register.OfAsync(person.Id, cancellationToken);
        var name = agencies.For(agency).NameInSentence;
        switch (consents.FirstOrDefault(c => c.Agency == agency))
        {
            case null:
                return new Outcome<ConsentWithdrawn>.Conflict("No consent to withdraw", $"No consent to share with {name} is recorded.");
            case { WithdrawnAt: { } withdrawnAt }:
                return new Outcome<ConsentWithdrawn>.Conflict("No consent to withdraw", $"Consent to share with {name} was already withdrawn on {ConsentRegister.Date(withdrawnAt)}.");
            case var current:
                current.WithdrawnAt = ConsentRegister.Stored(clock.GetUtcNow());
                current.WithdrawnById = user.Id;
                current.WithdrawnBy = user.Name;
                current.WithdrawnByRole = user.Role;
                current.WithdrawalReason = reason;
                current.Version++;
                break;
        }

        var (cancelled, kept) = await CancelLegsOnConsentAsync(person.Id, agency, user, cancellationToken);
        try
        {
            // The withdrawal, its cancellations, and what it answers with (the agency's consent history) are recorded together.
            await audit.RecordAsync(
                user,
                [Audited.Write("consent-withdrawal", person.Id, person.Id, AuditBases.Of(user)), Audited.Read("consents", person.Id, person.Id, AuditBases.Of(user))],
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<ConsentWithdrawn>.Conflict("Changed meanwhile", $"The consent to share with {name}, or a leg to it, changed while it was being withdrawn. Look again before withdrawing.");
        }

        return new Outcome<ConsentWithdrawn>.Done(new ConsentWithdrawn(ByAgency(consents).Single(c => c.Agency == agency), cancelled, kept));
    }

    /// <summary>Stages the cancellation of each open leg to the agency on consent; the caller saves them with the withdrawal.</summary>
    async Task<(List<WithdrawnConsentLeg> Cancelled, List<WithdrawnConsentLeg> Kept)> CancelLegsOnConsentAsync(
        Guid youngPersonId, string agency, HubUser user, CancellationToken cancellationToken)
    {
        var withOpenLegs = await db.Referrals
            .Include(r => r.Legs)
            .Include(r => r.Timeline)
            .AsSplitQuery()
            .Where(r => r.YoungPersonId == youngPersonId && r.Legs.Any(l => l.Agency == agency))
            .ToListAsync(cancellationToken);
        var (cancelled, kept) = (new List<WithdrawnConsentLeg>(), new List<WithdrawnConsentLeg>());
        foreach (var referral in withOpenLegs)
        {
            var open = referral.Legs.Where(l => l.Agency == agency && referral.CanCancel(l)).ToLookup(l => l.LawfulBasis.Basis == LawfulBases.Consent);
            kept.AddRange(open[false].Select(l => Described(referral, l)));
            if (open[true].Any())
            {
                await referrals.StageCancellationAsync(
                    referral, [.. open[true]], new CancelRequest(WithdrawnReason, CancellationKinds.ConsentWithdrawn), user, cancellationToken);
                cancelled.AddRange(open[true].Select(l => Described(referral, l)));
            }
        }

        return (cancelled, kept);
    }

    static WithdrawnConsentLeg Described(Referral referral, Leg leg) => new(referral.Id, leg.Id, leg.Agency, leg.Status, leg.LawfulBasis.Basis);

    /// <summary>
    /// A Personal Adviser reaches the young people of their local authority; a young person only their own record.
    /// Anyone else's is not found, so that ids reveal nothing. Not audited: nothing is shown.
    /// </summary>
    async Task<YoungPerson?> FindAsync(Guid youngPersonId, HubUser user, CancellationToken cancellationToken) =>
        user.Role == HubRoles.PersonalAdviser || (user.Role == HubRoles.YoungPerson && user.YoungPersonId == youngPersonId)
            ? await people.FindInTenantAsync(youngPersonId, user, cancellationToken)
            : null;

    /// <param name="consents">Newest first.</param>
    List<AgencyConsent> ByAgency(IEnumerable<Consent> consents)
    {
        var byAgency = consents.ToLookup(c => c.Agency);
        var order = agencies.Codes.ToList();
        return [.. byAgency
            .OrderBy(g => order.IndexOf(g.Key) is var i and >= 0 ? i : order.Count)
            .Select(g => AgencyConsent.Of(g.Key, [.. g], Today))];
    }

    FieldErrors Validate(RecordConsent request)
    {
        var errors = new FieldErrors();
        errors.Code("agency", request.Agency, [.. agencies.Codes]);
        var givenOn = errors.Value("givenOn", request.GivenOn);
        if (request.GivenOn is not null && givenOn > Today)
        {
            errors.Add("givenOn", "'givenOn' cannot be in the future: it is the day the young person gave their consent.");
        }

        errors.Text("evidence", request.Evidence, 2000);
        var reviewOn = errors.Value("reviewOn", request.ReviewOn);
        if (request.ReviewOn is not null && request.GivenOn is not null && reviewOn <= givenOn)
        {
            errors.Add("reviewOn", "'reviewOn' must be after 'givenOn'.");
        }

        return errors;
    }
}
