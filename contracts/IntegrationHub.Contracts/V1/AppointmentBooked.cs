namespace IntegrationHub.Contracts.V1;

/// <summary>The agency has booked the young person an appointment (e.g. with a Jobcentre work coach); the leg's status does not change.</summary>
public sealed record AppointmentBooked(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateTimeOffset AppointmentAt,
    string Location) : ILegAnswer;
