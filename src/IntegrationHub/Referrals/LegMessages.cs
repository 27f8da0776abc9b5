using IntegrationHub.Contracts.V1;
using IntegrationHub.PathwayPlans;
using IntegrationHub.YoungPeople;

namespace IntegrationHub.Referrals;

/// <summary>Builds what an agency is sent: only its shared sections and the identifiers it needs.</summary>
public static class LegMessages
{
    public static LegRequested Requested(Referral referral, Leg leg, YoungPerson person, PathwayPlanVersion plan) => new(
        leg.Id,
        referral.Id,
        referral.TenantId,
        leg.Agency,
        leg.Recipient,
        referral.CreatedAt,
        referral.Summary,
        new PersonDetails(
            person.GivenName,
            person.FamilyName,
            person.DateOfBirth,
            person.Contact,
            [.. person.Identifiers().Where(i => SharingOptions.IdentifiersFor(leg.Agency).Contains(i.Type))]),
        [.. leg.SharedSections.Select(plan.Section).OfType<PlanSection>()],
        leg.LawfulBasis,
        new Referrer(referral.ReferrerName, referral.ReferrerEmail, null, referral.TenantId));

    public static LegCancelled Cancelled(Referral referral, Leg leg, LegChange change) =>
        new(leg.Id, referral.Id, referral.TenantId, leg.Agency, leg.Recipient, change.Reason!, change.Actor, change.At);
}
