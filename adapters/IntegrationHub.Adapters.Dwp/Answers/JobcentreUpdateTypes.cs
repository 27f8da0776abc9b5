namespace IntegrationHub.Adapters.Dwp.Answers;

public static class JobcentreUpdateTypes
{
    public const string Accepted = "accepted";
    public const string AppointmentBooked = "appointment-booked";
    public const string ClaimUpdate = "claim-update";

    /// <summary>The Jobcentre means to sanction: it must speak to the Personal Adviser first, and the hub escalates.</summary>
    public const string SanctionProposed = "sanction-proposed";
    public const string SanctionDecided = "sanction-decided";
    public const string Declined = "declined";

    public static IReadOnlyList<string> All { get; } = [Accepted, AppointmentBooked, ClaimUpdate, SanctionProposed, SanctionDecided, Declined];
}
