namespace IntegrationHub.Contracts.V1;

/// <summary>The Jobcentre reports progress on the young person's benefit claim; the leg's status does not change.</summary>
public sealed record ClaimUpdated(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Text) : ILegAnswer;
