using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.PathwayPlans;
using IntegrationHub.YoungPeople;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Referrals;

/// <summary>Builds what an agency is sent: only its shared sections and the identifiers it needs.</summary>
public sealed class LegMessages(AgencyDefinitions agencies, IOptions<TenantOptions> tenants)
{
    public LegRequested Requested(Referral referral, Leg leg, YoungPerson person, PathwayPlanVersion plan) => new(
        leg.Id,
        referral.Id,
        referral.TenantId,
        leg.Agency,
        leg.Recipient,
        referral.CreatedAt,
        // The agency reads what was written for it alone, never the referral's summary or another agency's reason.
        leg.Reason,
        new PersonDetails(
            person.GivenName,
            person.FamilyName,
            person.DateOfBirth,
            person.Contact,
            SharedIdentifiers(person, leg.Agency)),
        [.. leg.SharedSections.Select(plan.Section).OfType<PlanSection>()],
        leg.LawfulBasis,
        new Referrer(referral.ReferrerName, referral.ReferrerEmail, null, tenants.Value.NameOf(referral.TenantId)));

    /// <summary>The identifiers of the young person the agency's sharing rules let it be sent.</summary>
    public IReadOnlyList<PersonIdentifier> SharedIdentifiers(YoungPerson person, string agency) =>
        [.. person.Identifiers().Where(i => agencies.For(agency).SharedIdentifiers.Contains(i.Type))];

    /// <summary>The change's reason code is the cancellation kind.</summary>
    public static LegCancelled Cancelled(Referral referral, Leg leg, LegChange change, LegRequested sent) =>
        new(leg.Id, referral.Id, referral.TenantId, leg.Agency, leg.Recipient, change.Reason!, change.ReasonCode!, change.Actor, change.At, sent);
}
