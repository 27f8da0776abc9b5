using System.Globalization;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Referrals;

namespace IntegrationHub.Notifications;

/// <summary>
/// What the referring Personal Adviser is told, in their inbox and by e-mail, when an agency
/// declines a leg or proposes a sanction: ids and codes only, never the young person's details
/// or the agency's words, which the referral's page shows to those allowed to see them.
/// </summary>
public static class ReferrerNotices
{
    /// <summary>The notice an answer just recorded on the leg calls for, if any.</summary>
    public static Notification? For(Referral referral, Leg leg, ILegAnswer answer, DateTimeOffset at, AgencyDefinitions agencies) => answer switch
    {
        LegDeclined declined when leg.Status == LegStatusCodes.Rejected => New(referral, at,
            $"Referral declined: {leg.Agency}, referral {referral.Id}",
            $"{EscalationWords.Opening(agencies.For(leg.Agency))} declined the referral (reason code: {declined.ReasonCode}). " +
            "Its reasons are on the referral's page; decide with the young person what to do next."),
        SanctionProposed proposed => New(referral, at,
            $"Sanction proposed: {leg.Agency}, referral {referral.Id}",
            $"{EscalationWords.Opening(agencies.For(leg.Agency))} proposes a sanction from {proposed.ProposedDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. " +
            "It must hear from you before it decides: answer on the referral's page within 2 working days."),
        _ => null,
    };

    static Notification New(Referral referral, DateTimeOffset at, string subject, string body) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = referral.TenantId,
        UserId = referral.ReferrerId,
        Subject = subject,
        Body = $"{body}{Environment.NewLine}{Environment.NewLine}Referral: {referral.Id}",
        ReferralId = referral.Id,
        CreatedAt = at,
    };
}
