namespace IntegrationHub.Adapters.Probation.Referrals;

/// <summary>The types of event the hub sends probation.</summary>
public static class ReferralEventTypes
{
    /// <summary>A leaving care team has referred a care leaver to probation: fetch the detail from detailUrl.</summary>
    public const string Requested = "care-leaver-hub.referral.requested";

    /// <summary>The referral is withdrawn: stop processing it.</summary>
    public const string Cancelled = "care-leaver-hub.referral.cancelled";

    public static IReadOnlyList<string> All { get; } = [Requested, Cancelled];

    /// <summary>The version of the events' shape; a breaking change is a new version.</summary>
    public const int Version = 1;

    /// <summary>How the envelope spells the CRN's identifier type.</summary>
    public const string CrnIdentifierType = "CRN";
}
