namespace IntegrationHub.Adapters.Probation.Referrals;

public static class ReferralEventTypes
{
    public const string Requested = "care-leaver-hub.referral.requested";
    public const string Cancelled = "care-leaver-hub.referral.cancelled";

    /// <summary>The version of the events' shape; a breaking change is a new version.</summary>
    public const int Version = 1;

    /// <summary>How the envelope spells the CRN's identifier type.</summary>
    public const string CrnIdentifierType = "CRN";
}
