namespace IntegrationHub.Adapters.Dwp.Answers;

/// <summary>The types of a Jobcentre update; each type says which fields the update carries.</summary>
public static class JobcentreUpdateTypes
{
    /// <summary>The Jobcentre has accepted the referral; text may carry a note.</summary>
    public const string Accepted = "accepted";

    /// <summary>An appointment with a work coach is booked: appointmentAt and location.</summary>
    public const string AppointmentBooked = "appointment-booked";

    /// <summary>Progress on the young person's claim: text says what changed.</summary>
    public const string ClaimUpdate = "claim-update";

    /// <summary>The Jobcentre means to sanction: it must speak to the Personal Adviser first, and the hub escalates.</summary>
    public const string SanctionProposed = "sanction-proposed";

    /// <summary>The Jobcentre has decided a proposed sanction: decision, and text may carry a note.</summary>
    public const string SanctionDecided = "sanction-decided";

    /// <summary>The Jobcentre declines the referral: reasonCode and reason.</summary>
    public const string Declined = "declined";

    public static IReadOnlyList<string> All { get; } = [Accepted, AppointmentBooked, ClaimUpdate, SanctionProposed, SanctionDecided, Declined];
}
