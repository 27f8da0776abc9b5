namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has booked the young person an appointment (e.g. with a Jobcentre work coach); the leg's status does not change.</summary>
/// <param name="AnswerId">Chosen by the agency (or derived by its adapter); a resent answer keeps it, so the hub applies it once.</param>
/// <param name="LegId">The leg answered.</param>
/// <param name="Agency">The agency answering: one of <see cref="AgencyCodes"/>.</param>
/// <param name="AnsweredBy">Who in the agency answered.</param>
/// <param name="AnsweredAt">When the agency answered.</param>
/// <param name="AppointmentAt">When the appointment is.</param>
/// <param name="Location">Where the appointment is.</param>
public sealed record AppointmentBooked(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateTimeOffset AppointmentAt,
    string Location) : ILegAnswer;
