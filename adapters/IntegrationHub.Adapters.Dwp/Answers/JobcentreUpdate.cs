namespace IntegrationHub.Adapters.Dwp.Answers;

/// <summary>
/// What the Jobcentre sends back about a care-leaver referral: one document shape, its <see cref="Type"/>
/// saying which fields it carries. Every field may be missing on the wire;
/// <see cref="JobcentreUpdateTranslator"/> says which each type requires and allows.
/// </summary>
/// <param name="AnswerId">Chosen by the Jobcentre; a resent update keeps it.</param>
/// <param name="LegId">The hub's leg id from the referral's hubReferences.</param>
/// <param name="Type">One of <see cref="JobcentreUpdateTypes"/>.</param>
/// <param name="Officer">Who in the Jobcentre.</param>
/// <param name="At">When.</param>
/// <param name="AppointmentAt">appointment-booked: when the appointment is.</param>
/// <param name="Location">appointment-booked: where.</param>
/// <param name="Text">claim-update: what changed (required); accepted, sanction-decided: a note.</param>
/// <param name="ProposedDate">sanction-proposed: from when the sanction would apply.</param>
/// <param name="Reason">sanction-proposed: why; declined: why, in words.</param>
/// <param name="Decision">sanction-decided: one of <see cref="SanctionDecisions"/>.</param>
/// <param name="ReasonCode">declined: the Jobcentre's own reason code (lower-case letters, digits and hyphens), such as <see cref="JobcentreDeclineReasons"/>.</param>
public sealed record JobcentreUpdate(
    Guid? AnswerId,
    Guid? LegId,
    string? Type,
    string? Officer,
    DateTimeOffset? At,
    DateTimeOffset? AppointmentAt = null,
    string? Location = null,
    string? Text = null,
    DateOnly? ProposedDate = null,
    string? Reason = null,
    string? Decision = null,
    string? ReasonCode = null);
