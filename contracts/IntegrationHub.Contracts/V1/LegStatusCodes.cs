namespace IntegrationHub.Contracts.V1;

/// <summary>A leg's lifecycle uses the FHIR R4 Task.status codes, so NHS and community-referral standards map one to one.</summary>
public static class LegStatusCodes
{
    /// <summary>Sent to the agency; no answer yet.</summary>
    public const string Requested = "requested";

    /// <summary>The agency has received it.</summary>
    public const string Received = "received";

    /// <summary>The agency has accepted it.</summary>
    public const string Accepted = "accepted";

    /// <summary>The agency has declined it.</summary>
    public const string Rejected = "rejected";

    /// <summary>The agency is working on it.</summary>
    public const string InProgress = "in-progress";

    /// <summary>The agency has paused work on it.</summary>
    public const string OnHold = "on-hold";

    /// <summary>The agency has finished it.</summary>
    public const string Completed = "completed";

    /// <summary>The Personal Adviser cancelled it.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>It could not be delivered to the agency.</summary>
    public const string Failed = "failed";
}
