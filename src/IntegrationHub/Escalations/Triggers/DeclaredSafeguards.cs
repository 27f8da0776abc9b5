using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Escalations.Triggers;

/// <summary>What the safeguard triggers share: the safeguards the agencies declare, and whether a safeguard is met.</summary>
static class DeclaredSafeguards
{
    /// <summary>Statuses of a leg the agency has taken on.</summary>
    static readonly string[] Taken = [Accepted, InProgress, OnHold, Completed];

    /// <summary>Every safeguard of this kind, by its reason code, with the agency that declares it.</summary>
    public static Dictionary<string, (AgencyDefinition Agency, T Safeguard)> Of<T>(AgencyDefinitions agencies) where T : Safeguard =>
        agencies.All.SelectMany(a => a.Safeguards.OfType<T>().Select(s => (a, s))).ToDictionary(p => p.s.ReasonCode);

    /// <summary>
    /// The young people (or just <paramref name="only"/>) with a leg of <paramref name="agency"/>, and of
    /// <paramref name="service"/> when one is given, taken on.
    /// </summary>
    public static async Task<HashSet<Guid>> PeopleWithTakenLegAsync(
        HubDbContext db, string agency, string? service, Guid? only, CancellationToken cancellationToken)
    {
        var legs = await (
            from leg in db.Legs
            join referral in db.Referrals on leg.ReferralId equals referral.Id
            where leg.Agency == agency && Taken.Contains(leg.Status) && (only == null || referral.YoungPersonId == only)
            select new { referral.YoungPersonId, leg.Recipient })
            .ToListAsync(cancellationToken);

        // The recipient's service is inside the leg's JSON column, so it is matched in memory.
        return legs.Where(l => service is null || l.Recipient.Service == service).Select(l => l.YoungPersonId).ToHashSet();
    }

    /// <summary>The outcome once the young person has a leg of the agency (and service) taken on; null until then.</summary>
    public static async Task<string?> MetAsync(HubDbContext db, Escalation escalation, AgencyDefinition agency, string? service, CancellationToken cancellationToken) =>
        (await PeopleWithTakenLegAsync(db, agency.Code, service, escalation.YoungPersonId, cancellationToken)).Count > 0
            ? $"The young person now has an accepted {EscalationWords.LegOf(agency, service)} leg."
            : null;
}
