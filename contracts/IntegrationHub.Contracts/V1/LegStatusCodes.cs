namespace IntegrationHub.Contracts.V1;

/// <summary>A leg's lifecycle uses the FHIR R4 Task.status codes, so NHS and community-referral standards map one to one.</summary>
public static class LegStatusCodes
{
    public const string Requested = "requested";
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string InProgress = "in-progress";
    public const string OnHold = "on-hold";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
}
